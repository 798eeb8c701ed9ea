/**
 * Whether this tab went to Google's sign-in page (phones) and has not read the result yet:
 * then the app loads Auth and the backend at start, whatever the signed-in hint says. No
 * Firebase import, so the sign-in page can ask it.
 */
const REDIRECT_PENDING = 'support-desk.google-redirect';

export const redirectPending = {
  read: (): boolean => typeof sessionStorage !== 'undefined' && sessionStorage.getItem(REDIRECT_PENDING) !== null,
  set: (): void => sessionStorage.setItem(REDIRECT_PENDING, '1'),
  clear: (): void => sessionStorage.removeItem(REDIRECT_PENDING),
};
