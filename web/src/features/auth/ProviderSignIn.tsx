import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';

/**
 * "Continue with Google" (Firebase backend only: the local backend offers no provider and
 * shows no button). A new account gets its profile as one made with a password does.
 */
export function ProviderSignIn() {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setProblem(null);
    setBusy(true);
    try {
      await backend.signInWith('google');
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={420} gap="xs">
      {problem && <Alert color="red" role="alert">{problem}</Alert>}
      <Button variant="default" onClick={signIn} loading={busy}>
        Continue with Google
      </Button>
    </Stack>
  );
}
