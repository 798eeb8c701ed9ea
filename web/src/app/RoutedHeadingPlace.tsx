import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { HeadingPlaceContext } from './headingPlace';

/** Inside the router: tells every PageHeading below the current path (see headingPlace.ts). */
export function RoutedHeadingPlace({ children }: { children: ReactNode }) {
  return <HeadingPlaceContext.Provider value={useLocation().pathname}>{children}</HeadingPlaceContext.Provider>;
}
