import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useInRouterContext, useLocation } from 'react-router';
import focus from './focus.module.css';
import { takeHeadingFocusRequest } from './headingFocus';

/**
 * The one h1 of a page, naming it. It takes focus after a navigation (tabIndex -1: reachable
 * by script, not a tab stop), so focus never falls to the body. The sign-in page renders
 * before any router exists (the router loads with the signed-in app): there the heading
 * takes focus when it mounts.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return useInRouterContext() ? <RoutedHeading>{children}</RoutedHeading> : <Heading place="">{children}</Heading>;
}

/** Within the router: a new path on the same page (ticket to ticket) moves focus too. */
function RoutedHeading({ children }: { children: ReactNode }) {
  return <Heading place={useLocation().pathname}>{children}</Heading>;
}

function Heading({ children, place }: { children: ReactNode; place: string }) {
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
