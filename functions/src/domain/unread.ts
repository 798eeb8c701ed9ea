/**
 * The unread red dot: the ticket's last message, written by someone else, is newer than the
 * reader's `reads/{uid}` marker. One's own messages never raise it.
 */
export function isUnread(
  ticket: { lastMessageAt: Date | null; lastMessageBy: string | null },
  readerUid: string,
  lastReadAt: Date | null | undefined,
): boolean {
  if (ticket.lastMessageAt === null || ticket.lastMessageBy === readerUid) return false;
  return lastReadAt == null || ticket.lastMessageAt.getTime() > lastReadAt.getTime();
}
