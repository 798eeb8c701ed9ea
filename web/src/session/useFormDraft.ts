import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { useSignedInSession } from './useSession';

/**
 * What a person has typed in a form, kept in this tab's sessionStorage under their uid, so
 * that a session that ends (expired, revoked, signed out elsewhere) loses none of it: after
 * signing in again the form opens as they left it. Another account in the same tab never
 * sees it, and closing the tab drops it.
 */
export function useFormDraft<T>(form: string, schema: z.ZodType<T>) {
  const { uid } = useSignedInSession();
  const key = `support-desk.form.${form}.${uid}`;
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
    (values: unknown) => {
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
