import { SNIFF_BYTES, planAttachments, type AttachmentPlan, type CandidateFile } from '@domain';
import { useState } from 'react';
import type { AttachmentUpload } from '../../backend/port';

type PickedFile = CandidateFile & { readonly blob: File };

/**
 * The files chosen for a new ticket, planned into slots by the domain's limits before any
 * upload. Adding files never drops the ones already accepted; refused files are named with
 * the limit they broke.
 */
export function useAttachmentPicker() {
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  const plan: AttachmentPlan = planAttachments(picked);
  const uploads: AttachmentUpload[] = plan.accepted.map(({ file, slot, contentType }) => ({
    slot,
    file: (file as PickedFile).blob,
    contentType,
  }));

  async function add(files: readonly File[]) {
    const candidates: PickedFile[] = await Promise.all(
      files.map(async (blob) => ({
        name: blob.name,
        size: blob.size,
        head: new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()),
        blob,
      })),
    );
    const next = planAttachments([...plan.accepted.map((a) => a.file as PickedFile), ...candidates]);
    setPicked(next.accepted.map((a) => a.file as PickedFile));
    setProblems(next.problems);
  }

  function remove(blob: AttachmentUpload['file']) {
    setPicked((current) => current.filter((file) => file.blob !== blob));
    setProblems([]);
  }

  return { uploads, problems, add, remove };
}
