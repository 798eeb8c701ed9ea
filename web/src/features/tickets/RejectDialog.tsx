// Its CSS comes with it: the dialog (a ModalBase with an Overlay).
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { REJECTION_REASON_MAX } from '@domain';

interface RejectDialogProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly reason: string;
  readonly onReasonChange: (reason: string) => void;
  readonly onReject: () => void;
}

/** "Reject this ticket": the reason the customer will read, then the rejection. */
export default function RejectDialog({ opened, onClose, reason, onReasonChange, onReject }: RejectDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Reject this ticket">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onReject();
        }}
      >
        <Stack>
          <Textarea
            label="Reason"
            description="The customer reads this. The chat closes when the ticket is rejected."
            required
            maxLength={REJECTION_REASON_MAX}
            value={reason}
            onChange={(event) => onReasonChange(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!reason.trim()}>
              Reject ticket
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
