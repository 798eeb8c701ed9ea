import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { passwordResetInputSchema, type PasswordResetInput } from '@domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../app/errorMessage';
import { useBackend } from '../../backend/BackendContext';

/**
 * "Forgot password?": an email and "Send reset link". The answer is the same whether or not
 * the address has an account, so nobody learns from it who has one.
 */
export function ForgotPasswordForm({ email, onDone }: { email: string; onDone: () => void }) {
  const backend = useBackend();
  const [problem, setProblem] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<PasswordResetInput>({ resolver: zodResolver(passwordResetInputSchema), defaultValues: { email } });
  const onSubmit = async ({ email: address }: PasswordResetInput) => {
    setProblem(null);
    try {
      await backend.sendPasswordReset(address);
      setSentTo(address);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Reset your password">
      <Stack maw={420}>
        <Text>Enter the email of your account and we will send it a link to choose a new password.</Text>
        {problem && <Alert color="red" role="alert">{problem}</Alert>}
        {sentTo && (
          <Alert color="green" role="status" title="Check your email">
            If there is an account for {sentTo}, we have sent it a link to choose a new password. The link works once,
            for an hour.
            {backend.kind === 'local' && (
              <>
                {' '}
                This demo sends no email: the link is in the <Anchor href="/demo-mailbox" underline="always">demo mailbox</Anchor>.
              </>
            )}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register('email')} />
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Send reset link
          </Button>
          <Button variant="subtle" onClick={onDone}>
            Back to sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
