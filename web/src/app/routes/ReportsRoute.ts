// Staff: the reports, with the components they use: the range switch (SegmentedControl,
// FloatingIndicator). The charts (@mantine/charts on recharts) and the tables (in a
// ScrollArea) load apart, with their CSS (features/reports/charts.ts, ReportTable.tsx).
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Paper.css';
export { ReportsPage as default } from '../../features/reports/ReportsPage';
