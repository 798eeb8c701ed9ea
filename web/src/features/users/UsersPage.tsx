import { Alert, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { USERS_PAGE_SIZE, mayChangeRole, roleLabels, roleSchema, roles, type Actor, type Role, type UserProfile } from '@domain';
import { useState } from 'react';
import { ChoiceSelect } from '../../app/ChoiceSelect';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import type { PendingWrite, UsersCursor, UsersPage as UsersPageData, UsersQuery } from '../../backend/port';
import { queryKeys } from '../../realtime/queryKeys';
import { useRealtimeQuery } from '../../realtime/useRealtimeQuery';
import { useSignedInSession } from '../../session/useSession';
import { LoadingIndicator } from '../../app/LoadingIndicator';

/** Admins: everyone with an account, their role and whether they may sign in. */
export function UsersPage() {
  const backend = useBackend();
  const session = useSignedInSession();
  // The cursors of the pages before this one: a desk may have thousands of people.
  const [cursors, setCursors] = useState<UsersCursor[]>([]);
  const query: UsersQuery = { cursor: cursors.at(-1) ?? null, pageSize: USERS_PAGE_SIZE };
  const users = useRealtimeQuery<UsersPageData>(queryKeys.users(session.uid, query), (onData, onError) =>
    backend.subscribeUsers(query, onData, onError),
  );
  const actor: Actor = { uid: session.uid, role: session.role };
  const page = cursors.length + 1;
  const nextCursor = users.data?.nextCursor ?? null;
  return (
    <Stack maw={960}>
      <PageHeading>Users</PageHeading>
      {users.isPending && <LoadingIndicator label="Loading the users" />}
      {users.isError && (
        <Alert color="red" role="alert">
          {errorMessage(users.error)}
        </Alert>
      )}
      {users.data && users.data.items.length === 0 && <Text c="dimmed">No users yet.</Text>}
      {users.data && users.data.items.length > 0 && (
        <Stack component="ul" aria-label="Users" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {users.data.items.map((user) => (
            <UserRow key={user.uid} user={user} actor={actor} />
          ))}
        </Stack>
      )}
      {users.data && (page > 1 || nextCursor !== null) && (
        <Group component="nav" aria-label="User pages" justify="space-between" wrap="nowrap">
          <Button variant="default" disabled={page === 1} onClick={() => setCursors((before) => before.slice(0, -1))}>
            Previous page
          </Button>
          <Text size="sm" aria-live="polite">
            Page {page}
          </Text>
          <Button
            variant="default"
            disabled={nextCursor === null}
            onClick={() => nextCursor && setCursors((before) => [...before, nextCursor])}
          >
            Next page
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * One person as a card that wraps at phone width. A change shows at once and stays shown
 * until the live data follows; a refused write puts the control back and says why.
 */
function UserRow({ user, actor }: { user: UserProfile; actor: Actor }) {
  const backend = useBackend();
  const role = usePendingChange(user.role);
  const active = usePendingChange(user.active);
  const decision = mayChangeRole(actor, user.uid);
  const self = user.uid === actor.uid;
  const note = decision.allowed ? undefined : self ? 'You cannot change your own role' : decision.reason;

  const save = <T,>(change: PendingChange<T>, to: T, start: () => PendingWrite, failure: string) => {
    const token = change.begin(to);
    const fail = (error: unknown) => {
      change.failed(token);
      notifications.show({ color: 'red', title: failure, message: errorMessage(error) });
    };
    try {
      start().committed.then(() => change.committed(token), fail);
    } catch (error) {
      fail(error);
    }
  };
  const changeRole = (next: Role) =>
    save(role, next, () => backend.setUserRole(user.uid, next), `${user.displayName}'s role was not changed`);
  const changeActive = (next: boolean) =>
    save(
      active,
      next,
      () => backend.setUserActive(user.uid, next),
      `${user.displayName} was not ${next ? 'activated' : 'deactivated'}`,
    );

  return (
    <li>
      <Card withBorder padding="sm" radius="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={0} style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Group gap={6}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {user.displayName}
              </Text>
              {self && (
                <Badge size="xs" variant="light">
                  You
                </Badge>
              )}
              {!user.active && (
                <Badge size="xs" color="gray" variant="outline">
                  Inactive
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Text>
          </Stack>
          <Group gap="md" align="flex-start" wrap="wrap">
            <ChoiceSelect
              aria-label={`Role of ${user.displayName}`}
              value={role.value}
              disabled={!decision.allowed}
              description={note}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              onChoose={(value) => changeRole(roleSchema.parse(value))}
              data={roles.map((value) => ({ value, label: roleLabels[value] }))}
              w={170}
            />
            <Switch
              label="Active"
              aria-label={`${user.displayName} is active`}
              checked={active.value}
              disabled={!decision.allowed}
              onChange={(event) => changeActive(event.currentTarget.checked)}
              mt={6}
            />
          </Group>
        </Group>
      </Card>
    </li>
  );
}

interface PendingChange<T> {
  /** What to show: the value being written, else the live one. */
  readonly value: T;
  begin(to: T): object;
  committed(token: object): void;
  failed(token: object): void;
}

/**
 * A value being written shows at once and stays until the live data moves (or the write
 * fails, which puts the live value back), so the control never flickers back meanwhile.
 */
function usePendingChange<T>(live: T): PendingChange<T> {
  const [pending, setPending] = useState<{ to: T; from: T; committed: boolean } | null>(null);
  if (pending?.committed && !Object.is(live, pending.from)) setPending(null);
  return {
    value: pending ? pending.to : live,
    begin(to) {
      const token = { to, from: live, committed: false };
      setPending(token);
      return token;
    },
    committed(token) {
      setPending((current) => (current === token ? { ...current, committed: true } : current));
    },
    failed(token) {
      setPending((current) => (current === token ? null : current));
    },
  };
}
