import { getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { defineSecret } from 'firebase-functions/params';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { isDomainError } from '../domain/index.js';
import { suggestTriage as handleSuggestTriage } from '../handlers/suggestTriage.js';
import { geminiTriageModel } from '../models/geminiTriageModel.js';
import { firestoreStore } from '../store/firestoreStore.js';

/** Gemini's API key, from Secret Manager (`firebase functions:secrets:set GEMINI_API_KEY`); unset: the offline classifier answers. */
const geminiApiKey = defineSecret('GEMINI_API_KEY');

/**
 * App Check: `TRIAGE_ENFORCE_APP_CHECK=true` in functions/.env (read when the functions are
 * loaded, deploy included) refuses calls without a valid App Check token; off by default, so
 * the app works before App Check is set up for it.
 */
const enforceAppCheck = process.env.TRIAGE_ENFORCE_APP_CHECK === 'true';

/**
 * `suggestTriage` (callable, signed-in users): category and priority for the ticket being
 * typed, by Gemini when a key is configured and it answers well within 2 s, else by the
 * offline classifier; the answer says which (`source`).
 */
export const suggestTriage = onCall(
  { secrets: [geminiApiKey], enforceAppCheck, timeoutSeconds: 10, memory: '256MiB', maxInstances: 20 },
  async (request) => {
    if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in to have a ticket triaged.');
    const apiKey = geminiApiKey.value();
    try {
      return await handleSuggestTriage(request.auth.uid, request.data, {
        model: apiKey ? geminiTriageModel(apiKey) : null,
        store: firestoreStore(getFirestore()),
        now: new Date(),
        onFallback: (reason, detail) =>
          reason === 'no-model' ? undefined : logger.warn(`suggestTriage answered by the rules: ${reason}`, { detail: String(detail) }),
      });
    } catch (error) {
      if (isDomainError(error)) throw new HttpsError(error.code, error.message);
      throw error;
    }
  },
);
