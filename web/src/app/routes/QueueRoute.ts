// Staff's first screen: the queue, with its filters (the shell's CSS covers its components).
export { QueuePage as default } from '../../features/queue/QueuePage';
