// The pages an email's link opens, signed in or not (no router: a link is a full page load).
import '@mantine/core/styles/Table.css';
import { AccountActionPage } from './AccountActionPage';
import { DemoMailboxPage } from './DemoMailboxPage';


export default function AccountPages({ path, search }: { path: string; search: string }) {
  return path === '/demo-mailbox' ? <DemoMailboxPage /> : <AccountActionPage search={search} />;
}
