import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import {
  TITLE_MAX,
  isStaff,
  locksChat,
  lockedChatReason,
  type ChatMessage,
  type Note,
  type Ticket,
} from '@domain';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';
import type { ChatPage } from '../../backend/port';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { ChatMessageItem, NoteItem } from './ChatMessageItem';
import { useDraft } from './useDraft';

type TimelineItem = { kind: 'message'; at: number; message: ChatMessage } | { kind: 'note'; at: number; note: Note };

const NEAR_EDGE_PX = 48;

/**
 * The ticket's chat: the newest messages live, older pages on scrolling up (keeping the
 * reader's place), staff notes interleaved for staff only, and a composer that clears at
 * once: the message shows as sending until the server has it.
 */
export function ChatPanel({ ticket }: { ticket: Ticket }) {
  const backend = useBackend();
  const session = useSignedInSession();
  const staff = isStaff(session.role);
  const [olderPages, setOlderPages] = useState(0);
  const chat = useRealtimeQuery<ChatPage>(
    ['chat', session.uid, ticket.id, olderPages],
    (onData, onError) => backend.subscribeChat(ticket.id, olderPages, onData, onError),
    { keepPreviousWhileLoading: true },
  );
  const notes = useRealtimeQuery<Note[]>(
    ['notes', session.uid, ticket.id],
    (onData, onError) => backend.subscribeNotes(ticket.id, onData, onError),
    { enabled: staff },
  );

  // Opening the chat, and every message arriving while it is on screen, clears the unread
  // dot; a chat in a hidden tab is not read (and must not tell the customer "Seen").
  const lastMessageAt = ticket.lastMessageAt?.getTime();
  useEffect(() => {
    const markIfVisible = () => {
      if (document.visibilityState === 'visible') backend.markRead(ticket.id).committed.catch(() => {});
    };
    markIfVisible();
    document.addEventListener('visibilitychange', markIfVisible);
    return () => document.removeEventListener('visibilitychange', markIfVisible);
  }, [backend, ticket.id, lastMessageAt]);

  const viewport = useRef<HTMLDivElement>(null);
  const restoreFromBottom = useRef<number | null>(null);
  const stickToBottom = useRef(true);
  const messages = chat.data?.messages ?? [];
  const items: TimelineItem[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt.getTime(), message })),
    ...(staff ? (notes.data ?? []) : []).map((note) => ({ kind: 'note' as const, at: note.createdAt.getTime(), note })),
  ].sort((a, b) => a.at - b.at);

  const firstId = messages[0]?.id;
  const firstIdBefore = useRef(firstId);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const olderArrived = firstId !== firstIdBefore.current;
    firstIdBefore.current = firstId;
    if (restoreFromBottom.current !== null) {
      // Wait for the render that brings the older page (the first ones repeat the old data).
      if (!olderArrived) return;
      // An older page arrived above: keep the message the reader was looking at in place.
      element.scrollTop = element.scrollHeight - restoreFromBottom.current;
      restoreFromBottom.current = null;
    } else if (stickToBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
  });

  const hasOlder = chat.data?.hasOlder ?? false;
  const loadOlder = () => {
    const element = viewport.current;
    if (!hasOlder || chat.isPlaceholderData || !element) return;
    restoreFromBottom.current = element.scrollHeight - element.scrollTop;
    setOlderPages((pages) => pages + 1);
  };
  const onScroll = () => {
    const element = viewport.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_EDGE_PX;
    if (element.scrollTop < NEAR_EDGE_PX) loadOlder();
  };

  const lastOwnSent = [...messages].reverse().find((m) => m.authorUid === session.uid && m.delivery === 'sent');
  const seenByStaff = (message: ChatMessage) =>
    !staff &&
    message.id === lastOwnSent?.id &&
    ticket.staffLastReadAt !== null &&
    ticket.staffLastReadAt.getTime() >= message.createdAt.getTime();

  return (
    <Stack gap="xs" component="section" aria-label="Chat" h="100%">
      <div
        ref={viewport}
        onScroll={onScroll}
        style={{ overflowY: 'auto', minHeight: 240, maxHeight: '60vh', flex: 1, padding: 4 }}
        data-testid="chat-scroller"
      >
        {hasOlder && (
          <Group justify="center" py={4}>
            <Button size="compact-xs" variant="subtle" onClick={loadOlder} loading={chat.isPlaceholderData}>
              Load older messages
            </Button>
          </Group>
        )}
        {chat.isPending && <Loader size="sm" aria-label="Loading the chat" />}
        {chat.isError && <Alert color="red">{errorMessage(chat.error)}</Alert>}
        {chat.data && items.length === 0 && (
          <Text c="dimmed" size="sm" ta="center" py="md">
            No messages yet. {staff ? 'Say hello to the customer.' : 'Write to us here; we answer in this chat.'}
          </Text>
        )}
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages">
          {items.map((item) => (
            <li key={item.kind === 'message' ? item.message.id : `note-${item.note.id}`}>
              {item.kind === 'message' ? (
                <ChatMessageItem
                  message={item.message}
                  mine={item.message.authorUid === session.uid}
                  seen={seenByStaff(item.message)}
                  onRetry={() =>
                    backend.retryMessage(ticket.id, item.message.id).committed.catch(() => {})
                  }
                />
              ) : (
                <NoteItem note={item.note} />
              )}
            </li>
          ))}
        </Stack>
      </div>
      <Composer ticket={ticket} staff={staff} />
    </Stack>
  );
}

function Composer({ ticket, staff }: { ticket: Ticket; staff: boolean }) {
  const backend = useBackend();
  const navigate = useNavigate();
  const [draft, setDraft] = useDraft(ticket.id);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [problem, setProblem] = useState<string | null>(null);
  const locked = ticket.chatLocked || locksChat(ticket.status);
  const writingNote = staff && (mode === 'note' || locked);

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

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setProblem(null);
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
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form onSubmit={submit} aria-label={writingNote ? 'Internal note' : 'Reply'}>
      <Stack gap={6}>
        {staff && !locked && (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(value) => setMode(value as 'reply' | 'note')}
            data={[
              { value: 'reply', label: 'Reply to customer' },
              { value: 'note', label: 'Internal note' },
            ]}
            aria-label="Write a reply or an internal note"
          />
        )}
        {locked && staff && (
          <Text size="xs" c="dimmed">
            {lockedChatReason(ticket.status)} Staff can still add internal notes.
          </Text>
        )}
        <Textarea
          label={writingNote ? 'Internal note' : 'Message'}
          placeholder={writingNote ? 'Only staff see this' : 'Write a message; Enter sends, Shift+Enter adds a line'}
          autosize
          minRows={2}
          maxRows={8}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={problem}
          styles={writingNote ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
        />
        <Group justify="flex-end">
          <Button type="submit" color={writingNote ? 'yellow' : undefined}>
            {writingNote ? 'Add note' : 'Send'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
