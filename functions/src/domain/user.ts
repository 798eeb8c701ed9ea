import { z } from 'zod';
import { roleSchema } from './roles.js';

export const DISPLAY_NAME_MAX = 80;

/**
 * `users/{uid}`: the role here is the truth an admin edits in the console; a trigger mirrors
 * it into custom claims and stamps `claimsSyncedAt` so the client refreshes its ID token.
 */
export const userDocSchema = z.object({
  email: z.string(),
  displayName: z.string().min(1).max(DISPLAY_NAME_MAX),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.date(),
  claimsSyncedAt: z.date().nullable(),
});
export type UserDoc = z.infer<typeof userDocSchema>;
export type UserProfile = UserDoc & { readonly uid: string };

export const signUpInputSchema = z.object({
  displayName: z.string().trim().min(1, 'Tell us your name.').max(DISPLAY_NAME_MAX),
  email: z.email('Enter an email address like name@example.com.'),
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
