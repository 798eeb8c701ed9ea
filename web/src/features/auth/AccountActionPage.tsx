import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { newPasswordInputSchema, type NewPasswordInput } from '@domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../app/errorMessage';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';

/**
 * Where the links of the desk's emails land (/account-action?mode=…&oobCode=…, the
 * parameters of Firebase Auth's action links; the local backend's demo mailbox links here
 * too): choosing a new password, or verifying an email address.
 */
export function AccountActionPage({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const code = params.get('oobCode') ?? '';
  const mode = params.get('mode');
  if (mode === 'resetPassword' && code) return <ResetPassword code={code} />;
  if (mode === 'verifyEmail' && code) return <VerifyEmail code={code} />;
  return (
    <Stack maw={520} mx="auto">
      <PageHeading>This link does not work</PageHeading>
      <Text>
        The link is incomplete. Open it again from the email, or <Anchor href="/" underline="always">go to the sign-in page</Anchor> and ask for a
        new one.
      </Text>
    </Stack>
  );
}

function ResetPassword({ code }: { code: string }) {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<NewPasswordInput>({ resolver: zodResolver(newPasswordInputSchema), defaultValues: { password: '' } });
  const onSubmit = async ({ password }: NewPasswordInput) => {
    setProblem(null);
    try {
      await backend.confirmPasswordReset(code, password);
      setDone(true);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <Stack maw={520} mx="auto">
      <PageHeading>Choose a new password</PageHeading>
      {done ? (
        <Alert color="green" role="status" title="Your password is changed">
          <Anchor href="/" underline="always">Sign in with your new password</Anchor>.
        </Alert>
      ) : (
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Choose a new password">
          <Stack>
            {problem && <Alert color="red" role="alert">{problem}</Alert>}
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              description="At least 8 characters"
              error={form.formState.errors.password?.message}
              {...form.register('password')}
            />
            <Button type="submit" loading={form.formState.isSubmitting} style={{ alignSelf: 'flex-start' }}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** A button rather than on opening: a mail scanner that opens links must not use up the code. */
function VerifyEmail({ code }: { code: string }) {
  const backend = useBackend();
  const [state, setState] = useState<{ kind: 'ready' | 'busy' | 'done' } | { kind: 'failed'; problem: string }>({ kind: 'ready' });
  const verify = async () => {
    setState({ kind: 'busy' });
    try {
      await backend.confirmEmail(code);
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'failed', problem: errorMessage(error) });
    }
  };
  return (
    <Stack maw={520} mx="auto">
      <PageHeading>Verify your email</PageHeading>
      {state.kind === 'done' ? (
        <Alert color="green" role="status" title="Your email is verified">
          <Anchor href="/" underline="always">Go to the support desk</Anchor>.
        </Alert>
      ) : (
        <>
          {state.kind === 'failed' && <Alert color="red" role="alert">{state.problem}</Alert>}
          <Text>Confirm that this email address is yours.</Text>
          <Button onClick={verify} loading={state.kind === 'busy'} style={{ alignSelf: 'flex-start' }}>
            Verify my email
          </Button>
        </>
      )}
    </Stack>
  );
}
