// Opening a ticket, with attachments and their upload progress.
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Progress.css';
export { NewTicketPage as default } from '../../features/tickets/NewTicketPage';
