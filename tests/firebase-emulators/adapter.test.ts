import { Timestamp as AdminTimestamp, type DocumentData } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MESSAGE_PAGE_SIZE,
  USERS_PAGE_SIZE,
  defaultQueueFilter,
  type AppNotification,
  type NewTicketInput,
  type Note,
  type QueueCursor,
  type QueueFilter,
  type Ticket,
  type TicketEventEntry,
  type UserProfile,
} from '../../functions/src/domain/index.js';
import type {
  ChatPage,
  Connectivity,
  QueuePage,
  ReadMarkers,
  Session,
  SupportBackend,
  UsersPage,
} from '../../web/src/backend/port.js';
import { nextMatching } from '../contract/scenarios.js';
import { disableNetwork, enableNetwork } from 'firebase/firestore';
import {
  adminAuth,
  adminFirestore,
  adminWrite,
  closeFreeTab,
  firebaseHarness,
  openFreeTab,
  profileField,
  type FirebaseHarness,
} from './firebaseHarness.js';

/**
 * The Firebase adapter's own tests on the Emulator Suite (Auth, Firestore with
 * firestore.rules, Functions), for what the contract scenarios do not cover yet: the queue's
 * server-side filters and cursors, staff actions, the chat (delivery states, refusals and
 * retry, older pages), notes, read markers, notifications, people and connectivity.
 * Run by tests/firebase-emulators/run.mjs.
 */

let harness: FirebaseHarness;
let customer: SupportBackend;
let agent: SupportBackend;
let admin: SupportBackend;
let savedAssignment: DocumentData | undefined;

/** A word no other test's ticket holds: the queue tests search for it to see only their tickets. */
const marker = `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const input = (title: string, extra: Partial<NewTicketInput> = {}): NewTicketInput => ({
  title,
  description: `About ${marker}: details follow.`,
  category: 'billing',
  priority: 'medium',
  ...extra,
});

const ticketOf = (tab: SupportBackend, id: string, accept: (t: Ticket) => boolean, timeoutMs = 15_000) =>
  nextMatching<Ticket | null>((onData, onError) => tab.subscribeTicket(id, onData, onError), (t) => t !== null && accept(t), timeoutMs) as Promise<Ticket>;

/** A ticket written, numbered and indexed for search by the functions. */
async function settledTicket(tab: SupportBackend, title: string, extra: Partial<NewTicketInput> = {}): Promise<Ticket> {
  const write = tab.createTicket(input(title, extra));
  await write.committed;
  return ticketOf(tab, write.id, (t) => t.number !== null && t.searchTokens.includes(marker));
}

const queuePage = (tab: SupportBackend, filter: Partial<QueueFilter>, cursor: QueueCursor | null, pageSize: number, accept: (p: QueuePage) => boolean = () => true) =>
  nextMatching<QueuePage>(
    (onData, onError) => tab.subscribeQueue({ filter: { ...defaultQueueFilter, search: marker, ...filter }, cursor, pageSize }, onData, onError),
    accept,
  );

const chatOf = (tab: SupportBackend, ticketId: string, olderPages: number, accept: (p: ChatPage) => boolean, timeoutMs = 15_000) =>
  nextMatching<ChatPage>((onData, onError) => tab.subscribeChat(ticketId, olderPages, onData, onError), accept, timeoutMs);

/** `count` customer messages written by the Admin SDK, ten per millisecond, microseconds apart. */
async function seedMessages(ticketId: string, count: number): Promise<void> {
  const base = Math.floor(Date.now() / 1000) - 3600;
  const batch = adminFirestore().batch();
  for (let i = 0; i < count; i++) {
    // Ten messages per millisecond: page edges fall inside a millisecond.
    const micros = Math.floor(i / 10) * 1000 + (i % 10);
    batch.set(adminFirestore().doc(`tickets/${ticketId}/messages/m${String(i).padStart(4, '0')}`), {
      authorUid: harness.uidOf('customer'),
      authorRole: 'customer',
      authorName: 'Casey Customer',
      text: `Message ${i}`,
      kind: 'user',
      createdAt: new AdminTimestamp(base, micros * 1000),
    });
  }
  await adminWrite(() => batch.commit());
}

beforeAll(async () => {
  // The harness starts from an empty database. Auto-assignment would hand the tickets to
  // whichever agent is next: the queue tests need them unassigned. Restored afterwards.
  harness = await firebaseHarness();
  const config = adminFirestore().doc('config/assignment');
  savedAssignment = (await config.get()).data();
  await adminWrite(() => config.set({ strategy: 'manual', agentUids: [], lastAssignedUid: null }));
  [customer, agent, admin] = await Promise.all([harness.openTab('customer'), harness.openTab('agent'), harness.openTab('admin')]);
});

afterAll(async () => {
  await harness?.dispose();
  const config = adminFirestore().doc('config/assignment');
  await adminWrite(() => (savedAssignment ? config.set(savedAssignment) : config.delete()));
});

describe('the queue on Firestore', () => {
  let tickets: Ticket[];

  beforeAll(async () => {
    // Oldest first; one at a time so createdAt orders them.
    tickets = [];
    const shapes: Partial<NewTicketInput>[] = [
      { priority: 'low', category: 'billing' },
      { priority: 'high', category: 'technical' },
      { priority: 'high', category: 'billing' },
      { priority: 'critical', category: 'account' },
      { priority: 'high', category: 'general' },
    ];
    for (const [index, shape] of shapes.entries()) {
      tickets.push(await settledTicket(customer, `Queue ${index + 1} ${index % 2 === 0 ? 'printer' : 'scanner'}`, shape));
    }
  });

  it('pages newest first by cursor: every ticket once, and no cursor after the last page', async () => {
    const seen: string[] = [];
    let cursor: QueueCursor | null = null;
    for (let page = 0; page < 5; page++) {
      // A listener may first answer from the cache (what earlier pages left there); the page
      // settles once the server has answered: two tickets, then two, then the last one.
      const size = Math.min(2, tickets.length - seen.length);
      const result: QueuePage = await queuePage(agent, {}, cursor, 2, (p) => p.items.length === size);
      seen.push(...result.items.map((t) => t.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...tickets].reverse().map((t) => t.id));
    expect(cursor).toBeNull();
  });

  it('sorts oldest first, and recently updated first', async () => {
    const oldest = await queuePage(agent, { sort: 'oldest' }, null, 10, (p) => p.items.length === 5);
    expect(oldest.items.map((t) => t.id)).toEqual(tickets.map((t) => t.id));
    expect(oldest.nextCursor).toBeNull();
    await agent.setPriority(tickets[0]!.id, 'medium').committed;
    const updated = await queuePage(agent, { sort: 'updated' }, null, 10, (p) => p.items[0]?.id === tickets[0]!.id);
    expect(updated.items).toHaveLength(5);
  });

  it('filters on the server by priority, category and status, and keeps every word of a search', async () => {
    const high = await queuePage(agent, { priority: 'high' }, null, 10);
    expect(high.items.map((t) => t.id).sort()).toEqual([tickets[1]!.id, tickets[2]!.id, tickets[4]!.id].sort());
    const billing = await queuePage(agent, { category: 'billing' }, null, 10);
    expect(billing.items.map((t) => t.id).sort()).toEqual([tickets[0]!.id, tickets[2]!.id].sort());
    const twoWords = await queuePage(agent, { search: `${marker} scanner` }, null, 10);
    expect(twoWords.items.map((t) => t.id).sort()).toEqual([tickets[1]!.id, tickets[3]!.id].sort());
    const resolved = await queuePage(agent, { status: 'resolved' }, null, 10);
    expect(resolved.items).toHaveLength(0);
  });

  it('filters by assignee: unassigned (null), mine, and one agent', async () => {
    const unassigned = await queuePage(agent, { assignee: 'unassigned' }, null, 10);
    expect(unassigned.items).toHaveLength(5);
    await agent.acceptTicket(tickets[3]!.id).committed;
    const mine = await queuePage(agent, { assignee: 'mine' }, null, 10, (p) => p.items.length === 1);
    expect(mine.items[0]).toMatchObject({ id: tickets[3]!.id, status: 'in_progress', assigneeUid: harness.uidOf('agent') });
    const byUid = await queuePage(admin, { assignee: harness.uidOf('agent') }, null, 10, (p) => p.items.length === 1);
    expect(byUid.items[0]!.id).toBe(tickets[3]!.id);
    const stillUnassigned = await queuePage(agent, { assignee: 'unassigned' }, null, 10, (p) => p.items.length === 4);
    expect(stillUnassigned.items.map((t) => t.id)).not.toContain(tickets[3]!.id);
  });
});

describe('staff actions and the audit trail', () => {
  it('accept, prioritise, resolve; the functions record each change', async () => {
    const ticket = await settledTicket(customer, 'Lifecycle');
    const accepted = agent.acceptTicket(ticket.id);
    expect(accepted.id).toBe(ticket.id);
    await accepted.committed;
    await agent.setPriority(ticket.id, 'critical').committed;
    await agent.changeStatus(ticket.id, 'resolved').committed;
    const resolved = await ticketOf(customer, ticket.id, (t) => t.status === 'resolved' && t.resolvedAt !== null);
    expect(resolved).toMatchObject({ priority: 'critical', assigneeUid: harness.uidOf('agent') });
    // Three changes within a second or so: each is its own event (ids come from the
    // trigger's event id, not its whole-second time), each in the agent's name (the writer
    // stamp, as the emulator's events carry no auth context).
    const events = await nextMatching<TicketEventEntry[]>(
      (onData, onError) => customer.subscribeTicketEvents(ticket.id, onData, onError),
      (list) =>
        list.some((e) => e.kind === 'status' && e.to === 'in_progress') &&
        list.some((e) => e.kind === 'priority' && e.to === 'critical') &&
        list.some((e) => e.kind === 'status' && e.to === 'resolved'),
    );
    expect(events[0]).toMatchObject({ kind: 'created' });
    expect(events.map((e) => e.at.getTime())).toEqual([...events.map((e) => e.at.getTime())].sort((a, b) => a - b));
    const changes = events.filter((e) => e.kind !== 'created');
    expect(changes.map((e) => `${e.kind}:${e.to}`).sort()).toEqual(
      [`assignee:${harness.uidOf('agent')}`, 'priority:critical', 'status:in_progress', 'status:resolved'].sort(),
    );
    expect(changes.every((e) => e.actorUid === harness.uidOf('agent') && e.actorName === 'Avery Agent')).toBe(true);
  });

  it('a console edit is recorded as the console; one that breaks the ticket is put back whole', async () => {
    const ticket = await settledTicket(customer, 'Console edits');
    const consoleTicket = adminFirestore().doc(`tickets/${ticket.id}`);
    await adminWrite(() => consoleTicket.update({ priority: 'high' }));
    // Reviewed before the next edit breaks the ticket (a review that finds the ticket broken
    // leaves it to the repair, and that change goes unrecorded).
    await nextMatching<TicketEventEntry[]>(
      (onData, onError) => agent.subscribeTicketEvents(ticket.id, onData, onError),
      (list) => list.some((e) => e.kind === 'priority'),
    );
    await adminWrite(() => consoleTicket.update({ priority: 'urgent' }));
    const events = await nextMatching<TicketEventEntry[]>(
      (onData, onError) => agent.subscribeTicketEvents(ticket.id, onData, onError),
      (list) => list.some((e) => e.kind === 'reverted') && list.some((e) => e.kind === 'priority'),
      20_000,
    );
    expect(events.find((e) => e.kind === 'priority')).toMatchObject({ actorUid: null, actorName: 'Console', from: 'medium', to: 'high' });
    expect(events.find((e) => e.kind === 'reverted')?.note).toMatch(/left priority in a shape the desk cannot use/);
    const restored = await ticketOf(agent, ticket.id, (t) => t.priority === 'high');
    expect(restored.number).toBe(ticket.number);
  });

  it('refuses a rejection without a reason at once, and an illegal move when the server answers', async () => {
    const ticket = await settledTicket(customer, 'Refusals');
    expect(() => agent.rejectTicket(ticket.id, '   ')).toThrow(/reason/i);
    await expect(customer.changeStatus(ticket.id, 'closed').committed).rejects.toMatchObject({ code: 'permission-denied' });
    await agent.rejectTicket(ticket.id, 'Duplicate of another ticket.').committed;
    const rejected = await ticketOf(customer, ticket.id, (t) => t.status === 'rejected' && t.chatLocked);
    expect(rejected.rejectionReason).toBe('Duplicate of another ticket.');
  });
});

describe('the chat on Firestore', () => {
  it('a message shows sending, then sent, and reaches the other side', async () => {
    const ticket = await settledTicket(customer, 'Chat');
    const states: string[] = [];
    const stop = customer.subscribeChat(ticket.id, 0, (page) => {
      const mine = page.messages.find((m) => m.text === 'Hello from the customer');
      if (mine && states.at(-1) !== mine.delivery) states.push(mine.delivery);
    }, (error) => states.push(`error: ${error.message}`));
    // The listener is up (first snapshot) before the write, so the pending state is seen.
    await chatOf(customer, ticket.id, 0, () => true);
    const sent = customer.sendMessage(ticket.id, { text: 'Hello from the customer' });
    await sent.committed;
    const onAgentSide = await chatOf(agent, ticket.id, 0, (p) => p.messages.some((m) => m.id === sent.id));
    expect(onAgentSide.messages.find((m) => m.id === sent.id)).toMatchObject({ delivery: 'sent', authorRole: 'customer' });
    await chatOf(customer, ticket.id, 0, (p) => p.messages.some((m) => m.id === sent.id && m.delivery === 'sent'));
    stop();
    expect(states[0]).toBe('sending');
    expect(states.at(-1)).toBe('sent');
    expect(() => customer.sendMessage(ticket.id, { text: '   ' })).toThrow(/Write a message/);
  });

  it('a message the server refuses stays as failed, and a retry uses the same id', async () => {
    const ticket = await settledTicket(customer, 'Locked chat');
    await agent.rejectTicket(ticket.id, 'Not something we support.').committed;
    await ticketOf(customer, ticket.id, (t) => t.chatLocked);
    const refused = customer.sendMessage(ticket.id, { text: 'Are you sure?' });
    await expect(refused.committed).rejects.toMatchObject({ code: 'permission-denied' });
    const failed = await chatOf(customer, ticket.id, 0, (p) => p.messages.some((m) => m.id === refused.id));
    expect(failed.messages.find((m) => m.id === refused.id)).toMatchObject({ delivery: 'failed', text: 'Are you sure?' });
    const retried = customer.retryMessage(ticket.id, refused.id);
    expect(retried.id).toBe(refused.id);
    await expect(retried.committed).rejects.toMatchObject({ code: 'permission-denied' });
    await chatOf(customer, ticket.id, 0, (p) => p.messages.some((m) => m.id === refused.id && m.delivery === 'failed'));
    expect(() => customer.retryMessage(ticket.id, 'no-such-message')).toThrow(/already sent/);
  });

  it('older pages: the newest page live, then page by page, in order, none skipped in the same millisecond', async () => {
    const ticket = await settledTicket(customer, 'Long chat');
    const total = 2 * MESSAGE_PAGE_SIZE + 5;
    await seedMessages(ticket.id, total);
    const texts = (page: ChatPage) => page.messages.map((m) => m.text);
    const expected = (count: number) => Array.from({ length: count }, (_, k) => `Message ${total - count + k}`);

    const newest = await chatOf(customer, ticket.id, 0, (p) => p.messages.length === MESSAGE_PAGE_SIZE);
    expect(texts(newest)).toEqual(expected(MESSAGE_PAGE_SIZE));
    expect(newest.hasOlder).toBe(true);
    const two = await chatOf(customer, ticket.id, 1, (p) => p.messages.length >= 2 * MESSAGE_PAGE_SIZE);
    expect(texts(two)).toEqual(expected(2 * MESSAGE_PAGE_SIZE));
    expect(two.hasOlder).toBe(true);
    const all = await chatOf(customer, ticket.id, 2, (p) => p.messages.length >= total);
    expect(texts(all)).toEqual(expected(total));
    expect(all.hasOlder).toBe(false);
    expect(all.messages.every((m) => m.delivery === 'sent')).toBe(true);
  });
});

describe('the chat reads one page to open', () => {
  // The live window is MESSAGE_PAGE_SIZE documents, no extra one: a full window offers older
  // messages, and reading them settles whether there were any.
  it('a chat of exactly one page offers older messages; asking for them finds none', async () => {
    const ticket = await settledTicket(customer, 'Exactly one page');
    await seedMessages(ticket.id, MESSAGE_PAGE_SIZE);
    const first = await chatOf(customer, ticket.id, 0, (p) => p.messages.length === MESSAGE_PAGE_SIZE);
    expect(first.hasOlder).toBe(true);
    const older = await chatOf(customer, ticket.id, 1, (p) => !p.hasOlder);
    expect(older.messages).toHaveLength(MESSAGE_PAGE_SIZE);
  });

  it('a chat of less than a page says at once that there is nothing older', async () => {
    const ticket = await settledTicket(customer, 'Short chat');
    await seedMessages(ticket.id, MESSAGE_PAGE_SIZE - 1);
    const page = await chatOf(customer, ticket.id, 0, (p) => p.messages.length === MESSAGE_PAGE_SIZE - 1);
    expect(page.hasOlder).toBe(false);
  });
});

describe('notes, read markers, notifications', () => {
  it('staff write internal notes; a customer cannot read them', async () => {
    const ticket = await settledTicket(customer, 'Notes');
    const note = agent.addNote(ticket.id, { text: 'Customer is on the legacy plan.' });
    await note.committed;
    const notes = await nextMatching<Note[]>(
      (onData, onError) => admin.subscribeNotes(ticket.id, onData, onError),
      (list) => list.some((n) => n.id === note.id),
    );
    expect(notes.find((n) => n.id === note.id)).toMatchObject({ authorUid: harness.uidOf('agent'), authorName: 'Avery Agent' });
    await expect(
      nextMatching<Note[]>((onData, onError) => customer.subscribeNotes(ticket.id, onData, onError), () => true),
    ).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it("one listener holds all of a user's read markers", async () => {
    const [first, second] = [await settledTicket(customer, 'Read one'), await settledTicket(customer, 'Read two')];
    await customer.markRead(first.id).committed;
    await customer.markRead(second.id).committed;
    const markers = await nextMatching<ReadMarkers>(
      (onData, onError) => customer.subscribeReadMarkers(onData, onError),
      (map) => map.has(first.id) && map.has(second.id),
    );
    expect(markers.get(first.id)).toBeInstanceOf(Date);
    const agentMarkers = await nextMatching<ReadMarkers>((onData, onError) => agent.subscribeReadMarkers(onData, onError), () => true);
    expect(agentMarkers.has(first.id)).toBe(false);
  });

  it('staff hear of new tickets and mark the notification seen', async () => {
    const ticket = await settledTicket(customer, 'Notify');
    const list = await nextMatching<AppNotification[]>(
      (onData, onError) => agent.subscribeNotifications(onData, onError),
      (items) => items.some((n) => n.ticketId === ticket.id && n.kind === 'new_ticket'),
    );
    const notification = list.find((n) => n.ticketId === ticket.id && n.kind === 'new_ticket')!;
    expect(notification.seen).toBe(false);
    await agent.markNotificationsSeen([notification.id]).committed;
    await nextMatching<AppNotification[]>(
      (onData, onError) => agent.subscribeNotifications(onData, onError),
      (items) => items.some((n) => n.id === notification.id && n.seen),
    );
  });
});

describe('people and connectivity', () => {
  it('staff see the team; an admin sees everyone and changes a role, which reaches the session', async () => {
    const staff = await nextMatching<UserProfile[]>((onData, onError) => agent.subscribeStaff(onData, onError), (list) =>
      list.some((u) => u.uid === harness.uidOf('admin')),
    );
    expect(staff.map((u) => u.uid)).toContain(harness.uidOf('agent'));
    expect(staff.map((u) => u.uid)).not.toContain(harness.uidOf('customer'));
    const everyone = await nextMatching<UsersPage>(
      (onData, onError) => admin.subscribeUsers({ cursor: null, pageSize: USERS_PAGE_SIZE }, onData, onError),
      (page) => page.items.some((u) => u.uid === harness.uidOf('otherCustomer')),
    );
    expect(everyone.items.map((u) => u.uid)).toContain(harness.uidOf('customer'));

    const promoted = await harness.openTab('otherCustomer');
    await admin.setUserRole(harness.uidOf('otherCustomer'), 'agent').committed;
    // onUserWritten mirrors the role into the claim and stamps claimsSyncedAt; the adapter
    // refreshes the ID token, and the session reports the new role.
    const session = await nextMatching<Session | null>((onData) => promoted.subscribeSession(onData), (s) => s?.role === 'agent', 20_000);
    expect(session?.uid).toBe(harness.uidOf('otherCustomer'));
    await expect(customer.setUserRole(harness.uidOf('agent'), 'admin').committed).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('an account switched off gets the active claim, loses its sessions, and then every read', async () => {
    const uid = harness.uidOf('otherCustomer');
    const tab = await harness.openTab('otherCustomer');
    const notifications = () =>
      nextMatching<AppNotification[]>((onData, onError) => tab.subscribeNotifications(onData, onError), () => true).then(
        () => 'allowed',
        (error: { code?: string }) => error.code ?? String(error),
      );
    expect(await notifications()).toBe('allowed');
    await admin.setUserActive(uid, false).committed;
    // onUserWritten sets { active: false } next to the role and revokes the refresh tokens;
    // the stamp makes the tab refresh its ID token (the Auth emulator still mints one, with
    // the claim; production refuses the refresh and signs the tab out).
    let outcome = 'allowed';
    for (const deadline = Date.now() + 20_000; outcome === 'allowed' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      outcome = await notifications();
    }
    expect(outcome).toBe('permission-denied');
    const record = await adminAuth().getUser(uid);
    expect(record.customClaims).toMatchObject({ active: false });
    expect(record.tokensValidAfterTime).toBeDefined();
  });

  it('connectivity: online, syncing while a write is pending, online again', async () => {
    const states: Connectivity[] = [];
    const stop = customer.subscribeConnectivity((state) => states.push(state));
    expect(states).toEqual(['online']);
    const write = customer.createTicket(input('Connectivity'));
    expect(states.at(-1)).toBe('syncing');
    await write.committed;
    await write.uploaded;
    stop();
    expect(states).toEqual(['online', 'syncing', 'online']);
  });
});

describe('rate limits when the client has the counter wrong', () => {
  it('tickets and a message written offline against counters the client never saw are stored: it reads each counter and steps again', async () => {
    const tab = await openFreeTab();
    try {
      await tab.backend.signUp({ displayName: 'Olga Offline', email: `olga-${marker}@contract.test`, password: 'offline-password' });
      const { uid } = (await nextMatching<Session | null>((onData) => tab.backend.subscribeSession(onData), (s) => s !== null)) as Session;
      // The rules check a new ticket against its writer's profile, which sign-up writes after.
      await profileField(uid, 'email', (email) => email !== undefined);
      const earlier = await settledTicket(tab.backend, 'Before the offline spell');
      await disableNetwork(tab.services.db);
      // Meanwhile her counters change on the server (from another tab of hers, or an admin's
      // fix): the tickets window is full and over, and a messages window is open (its start
      // set ahead, so that it cannot end during the test however slow the machine). This tab
      // still believes in its own tickets window and in no messages counter at all, so every
      // step it takes offline is wrong: one more in a window the server has full (twice), and
      // a new window while one is open.
      const hoursAgo = AdminTimestamp.fromMillis(Date.now() - 2 * 60 * 60 * 1000);
      await adminWrite(() =>
        adminFirestore().doc(`users/${uid}/limits/tickets`).set({ windowStart: hoursAgo, count: 20, lastPath: 'tickets/long-ago' }),
      );
      await adminWrite(() =>
        adminFirestore()
          .doc(`users/${uid}/limits/messages`)
          .set({ windowStart: AdminTimestamp.fromMillis(Date.now() + 10 * 60 * 1000), count: 1, lastPath: 'tickets/from-another-tab/messages/m1' }),
      );
      const first = tab.backend.createTicket(input('Written offline'));
      const second = tab.backend.createTicket(input('Written offline too'));
      const message = tab.backend.sendMessage(earlier.id, { text: 'And a message' });
      await enableNetwork(tab.services.db);
      await Promise.all([first.committed, second.committed, message.committed]);
      await ticketOf(tab.backend, second.id, (t) => t.title === 'Written offline too');
      await chatOf(tab.backend, earlier.id, 0, (p) => p.messages.some((m) => m.id === message.id && m.delivery === 'sent'));
      // Both tickets in one new window (the second retried after the first had opened it); the
      // message one more in the open window.
      const counters = await adminFirestore().collection(`users/${uid}/limits`).get();
      expect(Object.fromEntries(counters.docs.map((d) => [d.id, d.get('count')]))).toEqual({ tickets: 2, messages: 2 });
      expect(counters.docs.find((d) => d.id === 'messages')?.get('lastPath')).toBe(`tickets/${earlier.id}/messages/${message.id}`);
    } finally {
      await closeFreeTab(tab);
    }
  });
});
