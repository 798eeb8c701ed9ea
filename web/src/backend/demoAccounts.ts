import { passwordSchema, roleSchema } from '@domain';
import { z } from 'zod/mini';
import demoAccountsJson from './demoAccounts.json';
import type { DemoAccount } from './port';

/**
 * The demo accounts: two customers, two agents, one admin. The local backend seeds them
 * into a new database; `npm run emulators:seed` creates them in the Auth emulator. One JSON
 * file feeds both, so the two never disagree.
 */
const demoFileSchema = z.object({
  password: passwordSchema,
  accounts: z.array(
    z.object({
      uid: z.string(),
      email: z.string(),
      displayName: z.string(),
      role: roleSchema,
      blurb: z.string(),
    }),
  ),
});

const demoFile = demoFileSchema.parse(demoAccountsJson);

export const DEMO_PASSWORD = demoFile.password;
export const demoAccounts: readonly DemoAccount[] = demoFile.accounts;
