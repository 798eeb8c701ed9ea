// The customer's first screen: their tickets (the shell's CSS covers its components).
export { MyTicketsPage as default } from '../../features/tickets/MyTicketsPage';
