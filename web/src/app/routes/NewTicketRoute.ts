// Opening a ticket, with attachments and their upload progress, and the selects' chevrons (Combobox).
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Progress.css';
export { NewTicketPage as default } from '../../features/tickets/NewTicketPage';
