import { getFirestore } from 'firebase-admin/firestore';
import { getStorage } from 'firebase-admin/storage';
import { logger } from 'firebase-functions';
import { onObjectFinalized } from 'firebase-functions/v2/storage';
import { checkStoredAttachment } from '../handlers/checkStoredAttachment.js';
import { firestoreStore } from '../store/firestoreStore.js';
import { storageFiles } from '../store/storageFiles.js';

/** A stored file: its bytes must be what the ticket lists, or it is removed (storage.rules trust the declared type). */
export const onAttachmentStored = onObjectFinalized(async (event) => {
  const object = event.data;
  const outcome = await checkStoredAttachment(
    firestoreStore(getFirestore()),
    storageFiles(getStorage().bucket(object.bucket)),
    { path: object.name, size: Number(object.size), contentType: object.contentType },
    { now: new Date(event.time) },
  );
  if (outcome === 'removed') logger.warn(`Removed ${object.name}: it was not the file its ticket lists.`);
});
