// A ticket: details, timeline, attachments, staff actions and the chat.
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/Image.css';
import '@mantine/core/styles/Skeleton.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/SegmentedControl.css';
export { TicketPage as default } from '../../features/tickets/TicketPage';
