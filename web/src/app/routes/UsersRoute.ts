// Admins: every user, roles and deactivation: the role select's dropdown (Combobox, ScrollArea,
// Popover) and the switches (InlineInput lays out their labels).
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
export { UsersPage as default } from '../../features/users/UsersPage';
