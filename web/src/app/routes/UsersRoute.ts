// Admins: every user, roles and deactivation.
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Switch.css';
export { UsersPage as default } from '../../features/users/UsersPage';
