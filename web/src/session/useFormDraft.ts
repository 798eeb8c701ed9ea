import { useCallback, useState } from 'react';
import type { z } from 'zod/mini';
import { useSignedInSession } from './useSession';

/**
 * What a person has typed in a form, kept in this tab's sessionStorage under their uid, so
 * that a session that ends (expired, revoked, signed out elsewhere) loses none of it: after
 * signing in again the form opens as they left it. Another account in the same tab never
 * sees it; signing out on purpose or closing the tab drops it.
 */
export function useFormDraft<T>(form: string, schema: z.ZodMiniType<T>) {
  const { uid } = useSignedInSession();
  const key = `${draftPrefix(uid)}${form}`;
  const [restored] = useState<T | null>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      const parsed = stored === null ? null : schema.safeParse(JSON.parse(stored));
      return parsed?.success ? parsed.data : null;
    } catch {
      return null; // no storage, or not JSON: start empty
    }
  });
  const keep = useCallback(
    (values: T) => {
      try {
        sessionStorage.setItem(key, JSON.stringify(values));
      } catch {
        // storage full or off: the form still works, only without the draft
      }
    },
    [key],
  );
  const discard = useCallback(() => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // nothing kept
    }
  }, [key]);
  return { restored, keep, discard };
}

const draftPrefix = (uid: string) => `support-desk.form.${uid}.`;

/** A sign-out the person chose: what they typed goes with them (a session that ends keeps it). */
export function discardFormDrafts(uid: string): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(draftPrefix(uid))) sessionStorage.removeItem(key);
  } catch {
    // no storage: nothing kept
  }
}
