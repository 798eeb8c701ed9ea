// Staff: the reports, with @mantine/charts (recharts) and the components it uses.
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/charts/styles.css';
export { ReportsPage as default } from '../../features/reports/ReportsPage';
