import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import {
  TITLE_MAX,
  asksForSatisfaction,
  isStaff,
  locksChat,
  lockedChatReason,
  type ChatMessage,
  type Note,
  type PresenceActivity,
  type Ticket,
} from '@domain';
import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  Suspense,
  type ChangeEvent,
  type ComponentPropsWithoutRef,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { Virtuoso } from 'react-virtuoso';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { lazyWhenIdle, OnFirstOpen } from '../../app/loadLater';
import { useLatestCallback } from '../../app/useLatestCallback';
import { useBackend } from '../../backend/BackendContext';
import type { ChatPage } from '../../backend/port';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { CannedReplyPicker } from '../cannedReplies/CannedReplyPicker';
import { useCannedReplyInsertion } from '../cannedReplies/useCannedReplyInsertion';
import { useReplyCollision } from '../presence/useReplyCollision';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { useMessageAlertsSeen } from '../notifications/useMessageAlertsSeen';
import { ComposerModeSwitch } from '../tickets/staffParts';
import { useReadMarkers } from '../unread/useUnread';
import { ChatMessageItem, NoteItem } from './ChatMessageItem';
import { useDraft } from './useDraft';
import { LoadingIndicator } from '../../app/LoadingIndicator';

// Loaded when first shown (or once the browser is idle): the customer's survey on a resolved
// ticket, and staff's "someone else replied" dialog.
const SatisfactionSurvey = lazyWhenIdle(() => import('../satisfaction/SatisfactionSurvey'));
const ReplyCollisionDialog = lazyWhenIdle(() => import('../presence/ReplyCollisionDialog'));

type TimelineItem = { kind: 'message'; at: number; message: ChatMessage } | { kind: 'note'; at: number; note: Note };

const keyOf = (item: TimelineItem) => (item.kind === 'message' ? item.message.id : `note-${item.note.id}`);

/**
 * Virtuoso places items by index; older messages arriving above get lower indexes, so the
 * index of the first item goes down by as many as arrived, which keeps the reader in place.
 */
const FIRST_INDEX = 1_000_000;

/** Read markers written at most this often per chat (each is a write and a trigger run). */
const MARK_READ_EVERY_MS = 1_000;

/** Within about a message of the end, the reader is at the newest one (and new ones keep it in view). */
const NEAR_EDGE_PX = 120;

/** The list's own elements, named for screen readers as before virtualising. */
const MessageList = forwardRef<HTMLOListElement, ComponentPropsWithoutRef<'ol'>>(function MessageList({ style, ...props }, ref) {
  return <ol {...props} ref={ref} aria-label="Messages" style={{ ...style, listStyle: 'none', margin: 0, padding: 0 }} />;
});
const MessageRow = (props: ComponentPropsWithoutRef<'li'>) => <li {...props} style={{ ...props.style, paddingBottom: 6 }} />;

/**
 * The composer's field, re-rendered only when its own props change: Mantine's autosize
 * measures the text (a forced layout) on every render, and the chat around it re-renders
 * with every message that arrives.
 */
const ComposerField = memo(Textarea);
const noteFieldStyles = { input: { background: 'var(--mantine-color-yellow-light)' } };

/** Whether this tab is on screen: a chat in a hidden tab is not read (and must not tell the customer "Seen"). */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const follow = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', follow);
    return () => document.removeEventListener('visibilitychange', follow);
  }, []);
  return visible;
}

/**
 * The ticket's chat: the newest messages live, older pages on scrolling up (keeping the
 * reader's place), staff notes interleaved for staff only, and a composer that clears at
 * once: the message shows as sending until the server has it. The list is virtualised
 * (react-virtuoso), so however many older pages are loaded, only what is on screen is in
 * the DOM.
 */
export function ChatPanel({ ticket, onActivity }: { ticket: Ticket; onActivity?: (activity: PresenceActivity) => void }) {
  const backend = useBackend();
  const session = useSignedInSession();
  const staff = isStaff(session.role);
  const [olderPages, setOlderPages] = useState(0);
  const chat = useRealtimeQuery<ChatPage>(
    queryKeys.chat(session.uid, ticket.id, olderPages),
    (onData, onError) => backend.subscribeChat(ticket.id, olderPages, onData, onError),
    { keepPreviousWhileLoading: true },
  );
  const notes = useRealtimeQuery<Note[]>(
    queryKeys.notes(session.uid, ticket.id),
    (onData, onError) => backend.subscribeNotes(ticket.id, onData, onError),
    { enabled: staff },
  );
  const messages = useMemo(() => chat.data?.messages ?? [], [chat.data]);
  const items = useMemo<TimelineItem[]>(
    () =>
      [
        ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt.getTime(), message })),
        ...(staff ? (notes.data ?? []) : []).map((note) => ({ kind: 'note' as const, at: note.createdAt.getTime(), note })),
      ].sort((a, b) => a.at - b.at),
    [messages, notes.data, staff],
  );

  // Older items arrived above the first one: the first index moves down by their number.
  const [anchor, setAnchor] = useState<{ key: string | undefined; index: number }>({ key: undefined, index: FIRST_INDEX });
  const firstKey = items[0] ? keyOf(items[0]) : undefined;
  if (firstKey !== anchor.key) {
    const arrivedAbove = anchor.key === undefined ? -1 : items.findIndex((item) => keyOf(item) === anchor.key);
    setAnchor({ key: firstKey, index: arrivedAbove > 0 ? anchor.index - arrivedAbove : anchor.index });
  }

  // Read markers: written when the reader has seen the newest message someone else wrote
  // (the tab on screen, the chat scrolled to its end) and their marker is older than it;
  // never once per message for a reader who is not looking.
  const visible = usePageVisible();
  const [atBottom, setAtBottom] = useState(true);
  const marker = useReadMarkers().data?.get(ticket.id);
  const newestFromOthers = useMemo(
    () => messages.findLast((m) => m.kind === 'user' && m.authorUid !== session.uid && m.delivery === 'sent'),
    [messages, session.uid],
  );
  const newestAt = newestFromOthers?.createdAt.getTime();
  const markerAt = marker?.getTime();
  // While messages stream in, at most one marker a second: the last one always goes out.
  const lastMarkedAt = useRef(0);
  useEffect(() => {
    if (!visible || !atBottom || newestAt === undefined) return;
    if (markerAt !== undefined && markerAt >= newestAt) return;
    const mark = () => {
      lastMarkedAt.current = Date.now();
      backend.markRead(ticket.id).committed.catch(() => {});
    };
    const wait = lastMarkedAt.current + MARK_READ_EVERY_MS - Date.now();
    if (wait <= 0) return void mark();
    const timer = setTimeout(mark, wait);
    return () => clearTimeout(timer);
  }, [backend, ticket.id, visible, atBottom, newestAt, markerAt]);

  useMessageAlertsSeen(ticket.id, visible && atBottom);

  const hasOlder = chat.data?.hasOlder ?? false;
  const loadingOlder = chat.isPlaceholderData;
  const loadOlder = useCallback(() => {
    if (hasOlder && !loadingOlder) setOlderPages((pages) => pages + 1);
  }, [hasOlder, loadingOlder]);
  const retry = useCallback(
    (messageId: string) => backend.retryMessage(ticket.id, messageId).committed.catch(() => {}),
    [backend, ticket.id],
  );

  const lastOwnSent = messages.findLast((m) => m.authorUid === session.uid && m.delivery === 'sent');
  const seenAt = ticket.staffLastReadAt?.getTime();
  const seenByStaff = (message: ChatMessage) =>
    !staff && message.id === lastOwnSent?.id && seenAt !== undefined && seenAt >= message.createdAt.getTime();

  const header = useCallback(
    () =>
      hasOlder ? (
        <Group justify="center" py={4}>
          <Button size="compact-xs" variant="subtle" onClick={loadOlder} loading={loadingOlder}>
            Load older messages
          </Button>
        </Group>
      ) : null,
    [hasOlder, loadOlder, loadingOlder],
  );
  const components = useMemo(() => ({ List: MessageList, Item: MessageRow, Header: header }), [header]);

  return (
    <Stack gap="xs" component="section" aria-label="Chat" h="100%">
      {chat.isPending && <LoadingIndicator size="sm" label="Loading the chat" />}
      {chat.isError && <Alert color="red">{errorMessage(chat.error)}</Alert>}
      {chat.data && items.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          No messages yet. {staff ? 'Say hello to the customer.' : 'Write to us here; we answer in this chat.'}
        </Text>
      )}
      {chat.data && items.length > 0 && (
        <Virtuoso<TimelineItem>
          data-testid="chat-scroller"
          style={{ height: '60vh', minHeight: 240 }}
          data={items}
          firstItemIndex={anchor.index}
          initialTopMostItemIndex={items.length - 1}
          computeItemKey={(_, item) => keyOf(item)}
          followOutput={(bottom) => (bottom ? 'auto' : false)}
          atBottomStateChange={setAtBottom}
          atBottomThreshold={NEAR_EDGE_PX}
          startReached={loadOlder}
          increaseViewportBy={{ top: 400, bottom: 200 }}
          components={components}
          itemContent={(_, item) =>
            item.kind === 'message' ? (
              <ChatMessageItem
                message={item.message}
                mine={item.message.authorUid === session.uid}
                seen={seenByStaff(item.message)}
                onRetry={retry}
              />
            ) : (
              <NoteItem note={item.note} />
            )
          }
        />
      )}
      {!staff && asksForSatisfaction(ticket) && (
        <Suspense fallback={null}>
          <SatisfactionSurvey ticket={ticket} />
        </Suspense>
      )}
      <Composer ticket={ticket} staff={staff} messages={messages} onActivity={onActivity} />
    </Stack>
  );
}

interface ComposerProps {
  readonly ticket: Ticket;
  readonly staff: boolean;
  /** The chat as shown: a staff reply that landed while this one was typed asks first. */
  readonly messages: readonly ChatMessage[];
  /** What the writer is doing, for the ticket's presence (viewing, typing a reply or a note). */
  readonly onActivity?: (activity: PresenceActivity) => void;
}

function Composer({ ticket, staff, messages, onActivity }: ComposerProps) {
  const backend = useBackend();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const [draft, setDraft] = useDraft(session.uid, ticket.id);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [problem, setProblem] = useState<string | null>(null);
  const locked = ticket.chatLocked || locksChat(ticket.status);
  const writingNote = staff && (mode === 'note' || locked);
  const { inputRef: cannedInputRef, ...canned } = useCannedReplyInsertion(staff, draft, setDraft, {
    customerName: ticket.customerName,
    ticketNumber: ticket.number,
    agentName: session.displayName,
  });
  const writeAs = (next: 'reply' | 'note') => () => {
    setMode(next);
    cannedInputRef.current?.focus();
  };
  useShortcuts({ r: staff && !locked ? writeAs('reply') : undefined, n: staff ? writeAs('note') : undefined });
  const collision = useReplyCollision(messages, draft, session.uid);
  const [landed, setLanded] = useState<ChatMessage | null>(null);
  const activity: PresenceActivity = draft.trim() === '' ? 'viewing' : writingNote ? 'noting' : 'replying';
  useEffect(() => onActivity?.(activity), [onActivity, activity]);

  const submit = (event?: FormEvent, anyway = false) => {
    event?.preventDefault();
    setProblem(null);
    const other = staff && !writingNote && !anyway ? collision.landedSinceTyping() : undefined;
    if (other) return setLanded(other);
    setLanded(null);
    try {
      const write = writingNote
        ? backend.addNote(ticket.id, { text: draft })
        : backend.sendMessage(ticket.id, { text: draft });
      // Cleared at once: the message is already in the chat, marked as sending.
      setDraft('');
      write.committed.catch((error: unknown) => setProblem(errorMessage(error)));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  // Stable handlers, so the memoised field re-renders only for its own changes.
  const onKeyDown = useLatestCallback((event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  });
  const onChange = useLatestCallback((event: ChangeEvent<HTMLTextAreaElement>) => {
    setDraft(event.currentTarget.value);
    canned.onDraftChange(event.currentTarget.selectionStart);
  });
  const onSelect = useLatestCallback(canned.inputProps.onSelect);

  if (locked && !staff) {
    const followUpTitle = `Follow-up: ${ticket.title}`.slice(0, TITLE_MAX);
    return (
      <Alert color="gray" title="This chat is closed" role="status">
        <Stack gap="xs">
          <Text size="sm">{lockedChatReason(ticket.status)}</Text>
          <Textarea label="Message" disabled value="" readOnly />
          <Button
            variant="light"
            onClick={() =>
              navigate(`/tickets/new?followUpOf=${ticket.id}&title=${encodeURIComponent(followUpTitle)}`)
            }
          >
            Open a follow-up ticket
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} aria-label={writingNote ? 'Internal note' : 'Reply'}>
      <Stack gap={6}>
        {staff && !locked && (
          // Staff's parts are preloaded with the page: this does not suspend.
          <Suspense fallback={null}>
            <ComposerModeSwitch value={mode} onChange={setMode} />
          </Suspense>
        )}
        {locked && staff && (
          <Text size="xs" c="dimmed">
            {lockedChatReason(ticket.status)} Staff can still add internal notes.
          </Text>
        )}
        <ComposerField
          label={writingNote ? 'Internal note' : 'Message'}
          placeholder={
            writingNote
              ? 'Only staff see this'
              : staff
                ? 'Write a message; :: or / inserts a canned reply; Enter sends'
                : 'Write a message; Enter sends, Shift+Enter adds a line'
          }
          autosize
          minRows={2}
          maxRows={8}
          value={draft}
          ref={cannedInputRef}
          {...canned.inputProps}
          onSelect={onSelect}
          onChange={onChange}
          onKeyDown={onKeyDown}
          error={problem}
          styles={writingNote ? noteFieldStyles : undefined}
        />
        {canned.picker && <CannedReplyPicker {...canned.picker} />}
        <OnFirstOpen opened={landed !== null}>
          {(shown) => (
            <ReplyCollisionDialog opened={shown} landed={landed} onKeepEditing={() => setLanded(null)} onSendAnyway={() => submit(undefined, true)} />
          )}
        </OnFirstOpen>
        <Group justify="flex-end">
          <Button type="submit" color={writingNote ? 'yellow' : undefined}>
            {writingNote ? 'Add note' : 'Send'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
