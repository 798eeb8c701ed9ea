import type { DemoAccount } from '../port';

/** The password of every demo account, for the sign-in form of the local backend. */
export const DEMO_PASSWORD = 'demo-password';

/** Seeded into a new local database: two customers, two agents, one admin. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    uid: 'demo-maya',
    email: 'maya@customer.example',
    displayName: 'Maya Chen',
    role: 'customer',
    blurb: 'Customer: opens tickets and chats with support',
  },
  {
    uid: 'demo-leo',
    email: 'leo@customer.example',
    displayName: 'Leo Park',
    role: 'customer',
    blurb: 'Customer: a second customer, to see that tickets stay private',
  },
  {
    uid: 'demo-sam',
    email: 'sam@desk.example',
    displayName: 'Sam Rivera',
    role: 'agent',
    blurb: 'Agent: works the queue',
  },
  {
    uid: 'demo-priya',
    email: 'priya@desk.example',
    displayName: 'Priya Nair',
    role: 'agent',
    blurb: 'Agent: a second agent, for assignment',
  },
  {
    uid: 'demo-alex',
    email: 'alex@desk.example',
    displayName: 'Alex Morgan',
    role: 'admin',
    blurb: 'Admin: runs the desk',
  },
];
