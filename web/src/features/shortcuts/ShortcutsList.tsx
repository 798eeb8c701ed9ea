// Its CSS comes with it: the dialog (a ModalBase with an Overlay) and the table of keys.
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Kbd.css';
import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { shortcutGroups } from './shortcutList';

/** The "Keyboard shortcuts" dialog: every shortcut of the staff pages, from the one list the handlers use. */
export default function ShortcutsList({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
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
  );
}
