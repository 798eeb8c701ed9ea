// Staff: the reports, with the components they use: the range switch (SegmentedControl,
// FloatingIndicator), the tables (in a ScrollArea). The charts (@mantine/charts on recharts)
// load apart, with their CSS (features/reports/charts.ts).
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Paper.css';
export { ReportsPage as default } from '../../features/reports/ReportsPage';
