import { expect, type Page } from '@playwright/test';

/** Opens the app in a page and continues as a demo account of the local backend. */
export async function signInAs(page: Page, name: string, role: 'customer' | 'agent' | 'admin') {
  await page.goto('/');
  await page.getByRole('button', { name: `Continue as ${name} (${role})` }).click();
  await expect(page.getByRole('button', { name: `Account: ${name} (${role})` })).toBeVisible();
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
