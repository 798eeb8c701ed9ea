// The parts of a ticket's page that only staff see: the actions (with the priority and
// assignee selects), the triage panel (with the classifier that explains a suggestion), the
// history, the service-level badge, who else is on the ticket, and the composer's reply/note
// switch. One chunk, loaded with the page for staff (staffParts.ts) and never for customers.
// With their CSS: the selects' dropdowns (Popover, Combobox, ScrollArea), the shortcut hints'
// Kbd, the history's Accordion, and the composer's reply/note switch
// (SegmentedControl with its FloatingIndicator), which only staff see.
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Kbd.css';
import '@mantine/core/styles/Accordion.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
export { StaffActions } from './StaffActions';
export { TicketHistory } from './TicketHistory';
export { TriagePanel } from '../triage/TriagePanel';
export { SlaBadge } from '../sla/SlaBadge';
export { PresenceBar } from '../presence/PresenceBar';
export { ComposerModeSwitch } from '../chat/ComposerModeSwitch';
