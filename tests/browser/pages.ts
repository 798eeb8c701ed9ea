import { expect, type Page } from '@playwright/test';

export type Role = 'customer' | 'agent' | 'admin';

/** The header's account button; its name starts with the initials it shows ("MC Maya Chen (customer), account"). */
export const accountButton = (page: Page, name: string, role: Role) =>
  page.getByRole('banner').getByRole('button', { name: `${name} (${role}), account` });

/** Opens the app in a page and continues as a demo account of the local backend. */
export async function signInAs(page: Page, name: string, role: Role) {
  await page.goto('/');
  await page.getByRole('button', { name: `Continue as ${name} (${role})` }).click();
  await expect(accountButton(page, name, role)).toBeVisible();
}

/** Fills and submits the new-ticket form; returns when the ticket page shows. */
export async function openTicket(
  page: Page,
  ticket: { title: string; description: string; category: string; priority: string },
) {
  await page.getByRole('main').getByRole('link', { name: 'New ticket' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill(ticket.title);
  await page.getByRole('textbox', { name: 'Description' }).fill(ticket.description);
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: ticket.category });
  await page.getByRole('combobox', { name: 'Priority' }).selectOption({ label: ticket.priority });
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page.getByRole('heading', { name: ticket.title })).toBeVisible();
}

/** Picks an option of a select that changes something only on a choice (Mantine's Select). */
export async function choose(page: Page, select: string, option: string) {
  await page.getByRole('combobox', { name: select }).click();
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('combobox', { name: select })).toHaveValue(option);
}
