// Staff: the reports, with @mantine/charts (recharts) and the components it uses: the range
// switch (SegmentedControl, FloatingIndicator), the charts' legends (ColorSwatch), the tables
// (in a ScrollArea).
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
import '@mantine/core/styles/ColorSwatch.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/charts/styles.css';
export { ReportsPage as default } from '../../features/reports/ReportsPage';
