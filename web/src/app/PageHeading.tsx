import { Title } from '@mantine/core';
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import focus from './focus.module.css';
import { takeHeadingFocusRequest } from './headingFocus';
import { HeadingPlaceContext } from './headingPlace';

/**
 * The one h1 of a page, naming it. It takes focus after a navigation (tabIndex -1: reachable
 * by script, not a tab stop), so focus never falls to the body. Within the router a new
 * path on the same page (ticket to ticket) moves focus too (RoutedHeadingPlace). The
 * sign-in page renders before any router exists (the router loads with the signed-in app,
 * and this file imports none): there the heading takes focus when it mounts.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const place = useContext(HeadingPlaceContext);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeHeadingFocusRequest()) heading.current?.focus();
  }, [place]);
  return (
    <Title order={1} size="h2" ref={heading} tabIndex={-1} className={focus.ring} style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}
