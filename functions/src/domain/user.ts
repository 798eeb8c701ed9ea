import { z } from 'zod';
import { roleSchema } from './roles.js';
import { BLANK_CHARACTERS, CONTROL_CHARACTERS, trimBlank } from './text.js';

export const DISPLAY_NAME_MAX = 80;
/** The longest address SMTP allows; firestore.rules caps users/{uid}.email at the same. */
export const EMAIL_MAX = 254;

/**
 * Names the desk itself writes under (system messages, console edits, auto-assignment):
 * nobody may go by one, in any case, so a customer cannot post as "Support desk".
 * firestore.rules lists the same names, lower-cased, in isPersonName().
 */
export const RESERVED_NAMES = ['Support desk', 'Console', 'Auto-assignment'] as const;

/**
 * A person's name as stored: starts and ends with a visible character, no control
 * characters, at most DISPLAY_NAME_MAX, not a reserved name. firestore.rules matches the
 * same pattern.
 */
export const PERSON_NAME_PATTERN = `[^${BLANK_CHARACTERS}${CONTROL_CHARACTERS}]([^${CONTROL_CHARACTERS}]*[^${BLANK_CHARACTERS}${CONTROL_CHARACTERS}])?`;
const personName = new RegExp(`^${PERSON_NAME_PATTERN.replace(/\\x\{/g, '\\u{')}$`, 'u');

export function isReservedName(name: string): boolean {
  const lower = trimBlank(name).toLowerCase();
  return RESERVED_NAMES.some((reserved) => reserved.toLowerCase() === lower);
}

/** A stored display name, checked as the rules check it. */
export const storedDisplayNameSchema = z
  .string()
  .max(DISPLAY_NAME_MAX)
  .regex(personName, 'A name starts and ends with a visible character and has no control characters.')
  .refine((name) => !isReservedName(name), 'That name is reserved for the desk itself.');

/** The name a person types: trimmed, then checked as stored. */
export const displayNameInputSchema = z
  .string()
  .transform(trimBlank)
  .pipe(
    z
      .string()
      .min(1, 'Tell us your name.')
      .max(DISPLAY_NAME_MAX, `A name may be at most ${DISPLAY_NAME_MAX} characters.`)
      .regex(personName, 'A name has no line breaks or control characters.')
      .refine((name) => !isReservedName(name), 'That name is reserved for the desk itself; choose another.'),
  );

/**
 * `users/{uid}`: the role here is the truth an admin edits in the console; a trigger mirrors
 * it into custom claims and stamps `claimsSyncedAt` so the client refreshes its ID token.
 * The email is the signed-in account's own (the rules compare it with the ID token's).
 */
export const userDocSchema = z.object({
  email: z.string().max(EMAIL_MAX),
  displayName: storedDisplayNameSchema,
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.date(),
  claimsSyncedAt: z.date().nullable(),
});
export type UserDoc = z.infer<typeof userDocSchema>;
export type UserProfile = UserDoc & { readonly uid: string };

export const signUpInputSchema = z.object({
  displayName: displayNameInputSchema,
  email: z.email('Enter an email address like name@example.com.').max(EMAIL_MAX, `An email address may be at most ${EMAIL_MAX} characters.`),
  password: z.string().min(8, 'A password needs at least 8 characters.'),
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const signInInputSchema = z.object({
  email: z.email('Enter an email address like name@example.com.'),
  password: z.string().min(1, 'Enter your password.'),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** A new account always starts as a customer: only an admin can make it staff. */
export function newUserDoc(
  profile: { email: string; displayName: string },
  now: Date,
): UserDoc {
  return {
    email: profile.email,
    displayName: profile.displayName,
    role: 'customer',
    active: true,
    createdAt: now,
    claimsSyncedAt: null,
  };
}

/** Users page: how many people one page shows (the query asks for one more, to know there is a next page). */
export const USERS_PAGE_SIZE = 25;
