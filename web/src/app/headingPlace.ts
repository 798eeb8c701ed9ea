import { createContext } from 'react';

/**
 * Where the app is (the router's path), for PageHeading: a new place moves focus to the
 * heading. Outside the router (the sign-in page, which loads before the router does) it is
 * empty. A context of its own, so the sign-in page's bundle carries no router at all.
 */
export const HeadingPlaceContext = createContext('');
