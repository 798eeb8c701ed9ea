/**
 * The domain's zod: zod/mini, whose functions a bundle takes one by one (zod's classic API,
 * with a method for every check on every schema, is about 25 KiB gzip on every screen of the
 * web app, the sign-in page too; mini, for what the domain uses, about 10). English messages
 * for the checks that give none of their own, as classic zod has them: the web build keeps
 * this module's side effect (web/vite.config.ts). Every domain module takes `z` from here.
 */
import { config, locales, z } from 'zod/mini';

config(locales.en());

export { z };
