import { preloadable } from '../../app/loadLater';

// The parts of a ticket's page only staff see, from staffPanels.ts: a chunk loaded with the
// page for staff (SignedInApp preloads them, so nothing suspends once the page shows) and never
// for customers.
const staffPanels = () => import('./staffPanels');
export const StaffActions = preloadable(() => staffPanels().then((panels) => panels.StaffActions));
export const TriagePanel = preloadable(() => staffPanels().then((panels) => panels.TriagePanel));
export const TicketHistory = preloadable(() => staffPanels().then((panels) => panels.TicketHistory));
export const SlaBadge = preloadable(() => staffPanels().then((panels) => panels.SlaBadge));
export const PresenceBar = preloadable(() => staffPanels().then((panels) => panels.PresenceBar));
export const ComposerModeSwitch = preloadable(() => staffPanels().then((panels) => panels.ComposerModeSwitch));

export const preloadStaffPanels = () =>
  Promise.all([StaffActions, TriagePanel, TicketHistory, SlaBadge, PresenceBar, ComposerModeSwitch].map((part) => part.preload()));
