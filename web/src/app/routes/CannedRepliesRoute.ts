// Admins: the desk's canned replies.
export { CannedRepliesPage as default } from '../../features/cannedReplies/CannedRepliesPage';
