// Its CSS comes with it: the dialog (a ModalBase with an Overlay).
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ChatMessage } from '@domain';
import { repliedAgo } from './useReplyCollision';

interface ReplyCollisionDialogProps {
  readonly opened: boolean;
  /** The reply that landed since the agent began typing. */
  readonly landed: ChatMessage | null;
  readonly onKeepEditing: () => void;
  readonly onSendAnyway: () => void;
}

/** "Priya replied 20 s ago: send anyway?", asked before a reply that may repeat another. */
export default function ReplyCollisionDialog({ opened, landed, onKeepEditing, onSendAnyway }: ReplyCollisionDialogProps) {
  return (
    <Modal opened={opened} onClose={onKeepEditing} title="Someone else replied">
      <Stack>
        <Text>{landed && `${repliedAgo(landed)}: send anyway?`}</Text>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {landed?.text}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeepEditing} data-autofocus>
            Keep editing
          </Button>
          <Button onClick={onSendAnyway}>Send anyway</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
