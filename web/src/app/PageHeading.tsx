import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import focus from './focus.module.css';
import { takeHeadingFocusRequest } from './headingFocus';

/**
 * The one h1 of a page, naming it. It takes focus after a navigation (tabIndex -1: reachable
 * by script, not a tab stop), so focus never falls to the body.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (takeHeadingFocusRequest()) heading.current?.focus();
  }, [pathname]);
  return (
    <Title order={1} size="h2" ref={heading} tabIndex={-1} className={focus.ring} style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}
