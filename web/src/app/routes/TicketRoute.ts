// A ticket: details, attachments and the chat. Staff's panels (features/tickets/staffPanels.ts),
// the dialogs and the customer's survey bring their own CSS when they load.
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/Image.css';
import '@mantine/core/styles/Skeleton.css';
export { TicketPage as default, preloadStaffPanels } from '../../features/tickets/TicketPage';
