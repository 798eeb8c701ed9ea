import { attachmentPath, type AttachmentSlot } from '@domain';
import type { FirebaseApp } from 'firebase/app';
import {
  connectStorageEmulator,
  getBlob,
  getStorage,
  ref,
  uploadBytesResumable,
  type FirebaseStorage,
  type StorageReference,
} from 'firebase/storage';
import type { AttachmentUpload } from '../port';
import type { EmulatorHosts } from './firebaseApp';

/** What the commands do with attachments; the Storage SDK behind it loads on first use. */
export interface AttachmentsStorage {
  upload(ticketId: string, upload: AttachmentUpload, onProgress: (fraction: number) => void): Promise<void>;
  objectUrl(ticketId: string, slot: AttachmentSlot): Promise<string>;
}

export function openAttachmentsStorage(app: FirebaseApp, emulators: EmulatorHosts | undefined): AttachmentsStorage {
  const storage = getStorage(app);
  // The connect must happen before the first use of the service.
  if (emulators) connectStorageEmulator(storage, emulators.host, emulators.storagePort);
  return {
    upload: (ticketId, upload, onProgress) => uploadAttachment(storage, ticketId, upload, onProgress),
    objectUrl: (ticketId, slot) => attachmentObjectUrl(storage, ticketId, slot),
  };
}

/**
 * Ticket attachments in Cloud Storage, at fixed slots (`tickets/{t}/attachments/image-1`...)
 * so that storage.rules can cap their count, size and type and check the ticket's owner.
 */
function attachmentRef(storage: FirebaseStorage, ticketId: string, slot: AttachmentSlot): StorageReference {
  return ref(storage, attachmentPath(ticketId, slot));
}

/**
 * One resumable upload into its slot, with the content type read from the file's bytes
 * (storage.rules checks it, and it matches what the ticket says of the file); `onProgress`
 * gets the fraction stored after every chunk. Resolves when stored.
 */
function uploadAttachment(
  storage: FirebaseStorage,
  ticketId: string,
  upload: AttachmentUpload,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const task = uploadBytesResumable(attachmentRef(storage, ticketId, upload.slot), upload.file, {
    contentType: upload.contentType,
  });
  return new Promise<void>((resolve, reject) => {
    task.on(
      'state_changed',
      (snapshot) => onProgress(snapshot.totalBytes === 0 ? 1 : snapshot.bytesTransferred / snapshot.totalBytes),
      reject,
      () => {
        onProgress(1);
        resolve();
      },
    );
  });
}

/**
 * A URL that shows the stored file, for this page only: the bytes are read through the SDK
 * under storage.rules (the caller's own token, every time), never through a download URL,
 * which would be a permanent public link anyone could pass on.
 */
async function attachmentObjectUrl(storage: FirebaseStorage, ticketId: string, slot: AttachmentSlot): Promise<string> {
  return URL.createObjectURL(await getBlob(attachmentRef(storage, ticketId, slot)));
}
