import type { getStorage } from 'firebase-admin/storage';
import type { FilePort } from './filePort.js';

type Bucket = ReturnType<ReturnType<typeof getStorage>['bucket']>;

const isNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 404;

/** The FilePort on a Cloud Storage bucket (firebase-admin's getStorage().bucket()). */
export function storageFiles(bucket: Bucket): FilePort {
  return {
    async head(path, bytes) {
      try {
        const [contents] = await bucket.file(path).download({ start: 0, end: bytes - 1 });
        return new Uint8Array(contents);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async remove(path) {
      await bucket.file(path).delete({ ignoreNotFound: true });
    },
  };
}
