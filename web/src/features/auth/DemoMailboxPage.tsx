import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PageHeading } from '../../app/PageHeading';
import { useBackend } from '../../backend/BackendContext';
import type { DemoMail } from '../../backend/port';

const subjects: Record<DemoMail['kind'], string> = {
  resetPassword: 'Choose a new password',
  verifyEmail: 'Verify your email',
};

/**
 * The local backend's stand-in for email (it sends none): the reset and verification links
 * it would have sent, newest first, as the Auth emulator lists its out-of-band codes.
 */
export function DemoMailboxPage() {
  const backend = useBackend();
  const [mails, setMails] = useState<DemoMail[] | null>(null);
  useEffect(() => backend.subscribeDemoMailbox(setMails), [backend]);
  return (
    <Stack maw={900} mx="auto">
      <PageHeading>Demo mailbox</PageHeading>
      <Text>
        {backend.kind === 'local'
          ? 'This demo sends no email. The links the desk would have sent, to any address, are here.'
          : 'The desk sends its emails through Firebase Authentication: look in your inbox.'}{' '}
        <Anchor href="/" underline="always">Back to the support desk</Anchor>
      </Text>
      {mails && mails.length === 0 && <Text>No emails yet.</Text>}
      {mails && mails.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">To</Table.Th>
                <Table.Th scope="col">Subject</Table.Th>
                <Table.Th scope="col">Sent</Table.Th>
                <Table.Th scope="col">Link</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mails.map((mail) => (
                <Table.Tr key={mail.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.to}</Table.Td>
                  <Table.Td>{subjects[mail.kind]}</Table.Td>
                  <Table.Td>{mail.sentAt.toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Anchor href={mail.link} underline="always" aria-label={`Open the link: ${subjects[mail.kind]}, for ${mail.to}`}>
                      Open the link
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
