// Its CSS comes with it: the dialog (a ModalBase with an Overlay).
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Modal.css';
import { Image, Modal } from '@mantine/core';

interface EnlargedAttachmentProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly image: { readonly url: string; readonly name: string } | null;
}

/** An attachment's image, as large as the screen allows, in a dialog named by its file. */
export default function EnlargedAttachment({ opened, onClose, image }: EnlargedAttachmentProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={image?.name} size="xl">
      {image && <Image src={image.url} alt={image.name} fit="contain" />}
    </Modal>
  );
}
