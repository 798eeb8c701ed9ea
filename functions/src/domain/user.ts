import { z } from './zod.js';
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
export const storedDisplayNameSchema = z.string().check(
  z.maxLength(DISPLAY_NAME_MAX),
  z.regex(personName, 'A name starts and ends with a visible character and has no control characters.'),
  z.refine((name) => !isReservedName(name), 'That name is reserved for the desk itself.'),
);

/** The name a person types: trimmed, then checked as stored. */
export const displayNameInputSchema = z.pipe(
  z.pipe(z.string(), z.transform(trimBlank)),
  z.string().check(
    z.minLength(1, 'Tell us your name.'),
    z.maxLength(DISPLAY_NAME_MAX, `A name may be at most ${DISPLAY_NAME_MAX} characters.`),
    z.regex(personName, 'A name has no line breaks or control characters.'),
    z.refine((name) => !isReservedName(name), 'That name is reserved for the desk itself; choose another.'),
  ),
);

/**
 * `users/{uid}`: the role here is the truth an admin edits in the console; a trigger mirrors
 * it into custom claims and stamps `claimsSyncedAt` so the client refreshes its ID token.
 * The email is the signed-in account's own (the rules compare it with the ID token's).
 */
export const userDocSchema = z.object({
  email: z.string().check(z.maxLength(EMAIL_MAX)),
  displayName: storedDisplayNameSchema,
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.date(),
  claimsSyncedAt: z.nullable(z.date()),
});
export type UserDoc = z.infer<typeof userDocSchema>;
export type UserProfile = UserDoc & { readonly uid: string };

/** The shortest password an account may have (Firebase Auth's own minimum is 6). */
export const PASSWORD_MIN = 8;
export const passwordSchema = z.string().check(z.minLength(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`));
export const emailInputSchema = z
  .email('Enter an email address like name@example.com.')
  .check(z.maxLength(EMAIL_MAX, `An email address may be at most ${EMAIL_MAX} characters.`));

export const signUpInputSchema = z.object({
  displayName: displayNameInputSchema,
  email: emailInputSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const signInInputSchema = z.object({
  email: z.email('Enter an email address like name@example.com.'),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** "Forgot password": the address to send a reset link to (the answer never says whether it has an account). */
export const passwordResetInputSchema = z.object({ email: emailInputSchema });
export type PasswordResetInput = z.infer<typeof passwordResetInputSchema>;

/** A new password set with the code of a reset link. */
export const newPasswordInputSchema = z.object({ password: passwordSchema });
export type NewPasswordInput = z.infer<typeof newPasswordInputSchema>;

/** Changing the password while signed in: the current one first (re-authentication), then the new. */
export const changePasswordInputSchema = z
  .object({ currentPassword: z.string().check(z.minLength(1, 'Enter your current password.')), newPassword: passwordSchema })
  .check(
    z.refine((input) => input.currentPassword !== input.newPassword, {
      message: 'The new password is the same as the current one.',
      path: ['newPassword'],
    }),
  );
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/** Renaming oneself on the profile page: the same bounds as at sign-up. */
export const renameInputSchema = z.object({ displayName: displayNameInputSchema });
export type RenameInput = z.infer<typeof renameInputSchema>;

/**
 * A name for an account that comes with none of ours (sign-in with Google): the provider's
 * name if it is a legal one, else the email's local part, else "New customer".
 */
export function displayNameFromProvider(providerName: string | null | undefined, email: string): string {
  for (const candidate of [providerName ?? '', email.split('@')[0] ?? '']) {
    const parsed = displayNameInputSchema.safeParse(candidate.slice(0, DISPLAY_NAME_MAX));
    if (parsed.success) return parsed.data;
  }
  return 'New customer';
}

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
