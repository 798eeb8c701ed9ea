import type { Page } from '@playwright/test';

/** Test files made in memory: real magic bytes, padded to the size a case needs. */
const MB = 1024 * 1024;

function padded(signature: number[], bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes, 0x20);
  Buffer.from(signature).copy(buffer);
  return buffer;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [...Buffer.from('%PDF-1.7\n')];

export const pngFile = (name: string, megabytes: number) => ({
  name,
  mimeType: 'image/png',
  buffer: padded(PNG, Math.round(megabytes * MB)),
});

export const pdfFile = (name: string, megabytes: number) => ({
  name,
  mimeType: 'application/pdf',
  buffer: padded(PDF, Math.round(megabytes * MB)),
});

/** Picks files through the new-ticket form's "Attach files" button, as a person does. */
export async function attach(page: Page, files: ReturnType<typeof pngFile>[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles(files);
}
