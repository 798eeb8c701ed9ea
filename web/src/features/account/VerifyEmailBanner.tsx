import { Alert, Stack, Text } from '@mantine/core';
import type { Session } from '../../backend/port';
import { VerificationActions } from './VerificationActions';

/** Shown on every page until the account's email is verified. */
export function VerifyEmailBanner({ session }: { session: Session }) {
  if (session.emailVerified) return null;
  return (
    <Alert color="yellow" title="Verify your email" mb="md" role="region" aria-label="Verify your email">
      <Stack gap="xs">
        <Text size="sm">
          We sent a link to {session.email}. Open it to confirm the address is yours: we need it to reach you about your
          tickets, and support staff roles are given only to verified accounts.
        </Text>
        <VerificationActions email={session.email} />
      </Stack>
    </Alert>
  );
}
