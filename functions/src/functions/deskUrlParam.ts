import { defineString } from 'firebase-functions/params';

/**
 * The desk's address (`https://desk.example.com`), for the link to the ticket in the emails
 * to customers. Set it in `functions/.env` (or at the deploy's prompt); empty: no link.
 */
const deskUrl = defineString('DESK_URL', {
  default: '',
  description: "The desk's address, for links in the emails to customers (https://…); empty for none.",
});

export const deskUrlValue = (): string | null => deskUrl.value() || null;
