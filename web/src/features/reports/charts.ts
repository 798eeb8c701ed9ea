// The reports' charts: @mantine/charts on recharts (with redux, immer and d3's scales, about
// 125 KiB gzip) and its CSS, loaded apart from the page: its figures and tables show without
// them, and the charts fill their places as soon as they are in.
import '@mantine/core/styles/ColorSwatch.css';
import '@mantine/charts/styles.css';
export { BarChart, LineChart } from '@mantine/charts';
