import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import demo from '../../web/src/backend/demoAccounts.json' with { type: 'json' };
import { accountButton, signInAs, type Role } from './pages';

/** Which build the specs drive: the local backend, or Firebase on the emulators (playwright.firebase.config.ts). */
export type Backend = 'local' | 'firebase';

/**
 * The people of a flow, each signed in as a demo account. On the local backend each person
 * is a tab of one browser (it keeps a session per tab, and its "server" is the browser's
 * IndexedDB); on Firebase, whose Auth signs in a whole browser, each person has a browser
 * (context) of their own, as two people on two machines would.
 */
export interface People {
  /** A page signed in as this demo person. */
  open(name: string, role: Role): Promise<Page>;
  /** Another tab of the browser this page is in (the same person, the same cache). */
  anotherTab(page: Page): Promise<Page>;
  /**
   * Takes this page's browser off the network or back. On the local backend that is the one
   * browser every person shares: every tab goes offline.
   */
  setOffline(page: Page, offline: boolean): Promise<void>;
}

/** Signs a page in with a demo account's email and password (the Firebase build has no demo buttons). */
async function signInWithPassword(page: Page, name: string, role: Role) {
  const account = demo.accounts.find((a) => a.displayName === name && a.role === role);
  if (!account) throw new Error(`No demo account ${name} (${role}).`);
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await form.getByLabel('Password', { exact: true }).fill(demo.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(accountButton(page, name, role)).toBeVisible();
}

export const test = base.extend<{ backend: Backend; people: People }>({
  backend: ['local', { option: true }],
  people: async ({ backend, browser, context, baseURL, serviceWorkers }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    // What the pages said went wrong, shown when the test fails (a refused write, a failed listener).
    const problems: string[] = [];
    const listen = (page: Page, name: string) =>
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${name}: ${message.text().slice(0, 500)}`);
      });
    const people: People = {
      async open(name, role) {
        if (backend === 'local') {
          const page = await context.newPage();
          listen(page, name);
          await signInAs(page, name, role);
          return page;
        }
        const own = await browser.newContext({ baseURL, serviceWorkers });
        contexts.push(own);
        own.on('page', (page) => listen(page, name));
        const page = await own.newPage();
        await signInWithPassword(page, name, role);
        return page;
      },
      anotherTab: (page) => page.context().newPage(),
      setOffline: (page, offline) => page.context().setOffline(offline),
    };
    await use(people);
    if (testInfo.status !== testInfo.expectedStatus && problems.length > 0) {
      console.log(`What the pages logged as errors or warnings:\n  ${problems.join('\n  ')}`);
    }
    await Promise.all(contexts.map((own) => own.close()));
  },
});

export { expect };
