import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';

/**
 * Send the verification link again, or look again once it was followed (on another device,
 * say). The local backend's links wait in its demo mailbox.
 */
export function VerificationActions({ email }: { email: string }) {
  const backend = useBackend();
  const [note, setNote] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState<'send' | 'check' | null>(null);
  const run = async (which: 'send' | 'check') => {
    setBusy(which);
    setNote(null);
    try {
      if (which === 'send') {
        await backend.sendEmailVerification();
        setNote({ text: `We have sent a new link to ${email}.`, problem: false });
      } else {
        await backend.reloadAccount();
        setNote({ text: 'Not verified yet: open the link in the email, then try again.', problem: false });
      }
    } catch (error) {
      setNote({ text: errorMessage(error), problem: true });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Group gap="xs">
        <Button size="xs" variant="default" loading={busy === 'send'} onClick={() => void run('send')}>
          Send the link again
        </Button>
        <Button size="xs" variant="default" loading={busy === 'check'} onClick={() => void run('check')}>
          I have verified it
        </Button>
        {backend.kind === 'local' && <Anchor href="/demo-mailbox" size="sm">Open the demo mailbox</Anchor>}
      </Group>
      {note && (
        <Text size="sm" role={note.problem ? 'alert' : 'status'} c={note.problem ? 'red' : undefined}>
          {note.text}
        </Text>
      )}
    </>
  );
}
