// Staff's first screen: the queue, with its filters (the shell's CSS covers its components
// but the filter bar's Flex).
import '@mantine/core/styles/Flex.css';
export { QueuePage as default } from '../../features/queue/QueuePage';
