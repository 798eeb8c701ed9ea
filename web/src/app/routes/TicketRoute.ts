// A ticket: details, timeline, attachments, staff actions and the chat. Its selects' dropdowns
// (Combobox, ScrollArea, Popover), the history's Accordion, the survey's Radio (InlineInput
// lays out its label), the chat's SegmentedControl (FloatingIndicator), the shortcut hints' Kbd.
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/Image.css';
import '@mantine/core/styles/Skeleton.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Accordion.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Kbd.css';
export { TicketPage as default } from '../../features/tickets/TicketPage';
