import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  DISPLAY_NAME_MAX,
  changePasswordInputSchema,
  renameInputSchema,
  type ChangePasswordInput,
  type RenameInput,
} from '@domain';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import { useSignedInSession } from '../../session/useSession';
import { VerificationActions } from './VerificationActions';
import { z } from 'zod/mini';
import { useFormDraft } from '../../session/useFormDraft';

/** The signed-in person's own account: name, email and its verification, password, sessions. */
export function ProfilePage() {
  const session = useSignedInSession();
  return (
    <Stack maw={640}>
      <PageHeading>Your profile</PageHeading>
      <NameSection />
      <Section title="Email">
        <Group gap="xs">
          <Text style={{ overflowWrap: 'anywhere' }}>{session.email}</Text>
          <Badge color={session.emailVerified ? 'green' : 'yellow'} variant="light">
            {session.emailVerified ? 'Verified' : 'Not verified'}
          </Badge>
        </Group>
        {!session.emailVerified && <VerificationActions email={session.email} />}
      </Section>
      <PasswordSection />
      <SessionsSection />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function NameSection() {
  const backend = useBackend();
  const session = useSignedInSession();
  const [note, setNote] = useState<{ text: string; problem: boolean } | null>(null);
  // A new name being typed survives a session that ends (passwords are never kept).
  const draft = useFormDraft('profile-name', z.string());
  const form = useForm<RenameInput>({
    resolver: zodResolver(renameInputSchema),
    defaultValues: { displayName: draft.restored ?? session.displayName },
  });
  const typed = useWatch({ control: form.control, name: 'displayName' });
  const { keep, discard } = draft;
  useEffect(() => {
    if (typed === session.displayName) discard();
    else keep(typed);
  }, [typed, session.displayName, keep, discard]);
  const onSubmit = ({ displayName }: RenameInput) => {
    setNote(null);
    try {
      // Not awaited: the name shows from the profile's snapshot (offline, the write waits).
      const write = backend.renameSelf(displayName);
      form.reset({ displayName });
      setNote({ text: `Saved. Your next messages and tickets carry the name ${displayName}; earlier ones keep the name they were written under.`, problem: false });
      write.committed.catch((error: unknown) => setNote({ text: errorMessage(error), problem: true }));
    } catch (error) {
      setNote({ text: errorMessage(error), problem: true });
    }
  };
  return (
    <Section title="Name">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Your name">
        <Stack gap="sm">
          <TextInput
            label="Your name"
            autoComplete="name"
            description={`Shown on your tickets and messages; at most ${DISPLAY_NAME_MAX} characters`}
            error={form.formState.errors.displayName?.message}
            {...form.register('displayName')}
          />
          <Button type="submit" style={{ alignSelf: 'flex-start' }}>
            Save name
          </Button>
          {note && (
            <Text size="sm" role={note.problem ? 'alert' : 'status'} c={note.problem ? 'red' : undefined}>
              {note.text}
            </Text>
          )}
        </Stack>
      </form>
    </Section>
  );
}

function PasswordSection() {
  const backend = useBackend();
  const [note, setNote] = useState<{ text: string; problem: boolean } | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInputSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const onSubmit = async (input: ChangePasswordInput) => {
    setNote(null);
    try {
      await backend.changePassword(input);
      form.reset();
      setNote({ text: 'Your password is changed.', problem: false });
    } catch (error) {
      setNote({ text: errorMessage(error), problem: true });
    }
  };
  return (
    <Section title="Password">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Change password">
        <Stack gap="sm">
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            error={form.formState.errors.currentPassword?.message}
            {...form.register('currentPassword')}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            description="At least 8 characters"
            error={form.formState.errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <Button type="submit" loading={form.formState.isSubmitting} style={{ alignSelf: 'flex-start' }}>
            Change password
          </Button>
          {note && (
            <Alert color={note.problem ? 'red' : 'green'} role={note.problem ? 'alert' : 'status'}>
              {note.text}
            </Alert>
          )}
        </Stack>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signOutEverywhere = async () => {
    setProblem(null);
    setBusy(true);
    try {
      await backend.signOutEverywhere();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <Section title="Devices">
      <Text size="sm">
        Lost a phone, or signed in on a shared computer? Sign out everywhere: every device and tab signed in to this account
        is signed out within moments, this one too.
      </Text>
      {problem && <Alert color="red" role="alert">{problem}</Alert>}
      <Button color="red" variant="light" loading={busy} onClick={() => void signOutEverywhere()} style={{ alignSelf: 'flex-start' }}>
        Sign out of every device
      </Button>
    </Section>
  );
}
