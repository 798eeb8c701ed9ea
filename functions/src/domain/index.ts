// The pure domain: no Firebase import anywhere below this folder. The web app, the local
// backend and the Cloud Functions all take their business rules from here.
export * from './attachments.js';
export * from './errors.js';
export * from './numbering.js';
export * from './policy.js';
export * from './roles.js';
export * from './statusMachine.js';
export * from './ticket.js';
export * from './ticketFields.js';
export * from './unread.js';
export * from './user.js';
export * from './assignment.js';
export * from './cannedReply.js';
export * from './bulk.js';
export * from './presence.js';
export * from './lifecycle.js';
export * from './message.js';
export * from './notification.js';
export * from './queue.js';
export * from './search.js';
export * from './ticketEvent.js';
export * from './ids.js';
export * from './text.js';
export * from './rateLimits.js';
export * from './triage/index.js';
export * from './stats/index.js';
