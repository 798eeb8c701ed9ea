/**
 * Each signed-in page's module, loaded when first shown: a first screen carries only its own
 * page (and its page's CSS). Kept apart from the signed-in app so that the entry can start the
 * page of the address being opened while the signed-in app and the backend still load.
 */
export const pageModules = {
  myTickets: () => import('./MyTicketsRoute'),
  newTicket: () => import('./NewTicketRoute'),
  ticket: () => import('./TicketRoute'),
  // Staff's panels of a ticket (actions, triage, history) are a chunk of their own: fetched
  // beside the page for staff, never for customers.
  ticketForStaff: () =>
    Promise.all([import('./TicketRoute'), import('../../features/tickets/staffPanels')]).then(async ([page]) => {
      await page.preloadStaffPanels();
      return page;
    }),
  queue: () => import('./QueueRoute'),
  users: () => import('./UsersRoute'),
  cannedReplies: () => import('./CannedRepliesRoute'),
  profile: () => import('./ProfileRoute'),
  reports: () => import('./ReportsRoute'),
};

export type PageName = keyof typeof pageModules;

/** The page an address opens, where the address alone says so (`/` depends on the role). */
export function pageOfPath(pathname: string): PageName | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/tickets') return 'myTickets';
  if (path === '/tickets/new') return 'newTicket';
  if (/^\/tickets\/[^/]+$/.test(path)) return 'ticket';
  const byPath: Record<string, PageName> = {
    '/queue': 'queue',
    '/users': 'users',
    '/canned-replies': 'cannedReplies',
    '/profile': 'profile',
    '/reports': 'reports',
  };
  return byPath[path];
}
