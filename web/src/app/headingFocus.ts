import { useLayoutEffect, useRef } from 'react';

/**
 * After a navigation, or signing in, out or into another account, focus goes to the new
 * page's h1 (see PageHeading) instead of falling to the body: keyboard and screen-reader
 * users start on the page they asked for. The request waits for the heading, since a page
 * that is still loading shows its h1 later. The first page of a visit is left alone.
 */
let requested = false;

/** Whether a heading should take focus now; the first heading to ask takes the request. */
export function takeHeadingFocusRequest(): boolean {
  const was = requested;
  requested = false;
  return was;
}

/** Asks for the heading focus whenever the path or the signed-in account changes. */
export function useHeadingFocusOnNavigation(pathname: string, uid: string | null) {
  const shown = useRef({ pathname, uid });
  // A layout effect: it runs before any heading's (passive) effect of the same render.
  useLayoutEffect(() => {
    if (shown.current.pathname === pathname && shown.current.uid === uid) return;
    shown.current = { pathname, uid };
    requested = true;
  }, [pathname, uid]);
}
