import { ActionIcon, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { shortcutGroups } from './shortcutList';
import { useShortcuts } from './useShortcuts';

/**
 * The header's "Keyboard shortcuts" button and the dialog it opens (so does "?"), listing
 * every shortcut of the staff pages from the one list the handlers use.
 */
export function ShortcutsDialog() {
  const [opened, { open, close }] = useDisclosure(false);
  useShortcuts({ '?': open });
  return (
    <>
      <ActionIcon
        variant="subtle"
        size="lg"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={open}
      >
        <Text fw={700} aria-hidden>
          ?
        </Text>
      </ActionIcon>
      <Modal opened={opened} onClose={close} title="Keyboard shortcuts">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Shortcuts work whenever you are not typing in a field.
          </Text>
          {shortcutGroups.map((group) => (
            <section key={group.where} aria-label={group.where}>
              <Title order={3} size="h5" mb={4}>
                {group.where}
              </Title>
              <Table withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  {group.shortcuts.map((shortcut) => (
                    <Table.Tr key={shortcut.key}>
                      <Table.Td w={80}>
                        <Kbd>{shortcut.key}</Kbd>
                      </Table.Td>
                      <Table.Td>{shortcut.does}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
