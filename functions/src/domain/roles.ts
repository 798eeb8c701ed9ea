import { z } from 'zod';

/** Who someone is at the desk. The truth lives in `users/{uid}.role`; claims mirror it. */
export const roles = ['customer', 'agent', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Staff work the queue: agents and admins. */
export function isStaff(role: Role): boolean {
  return role === 'agent' || role === 'admin';
}

/** The signed-in person an operation is checked against; null when signed out. */
export interface Actor {
  readonly uid: string;
  readonly role: Role;
}

/** Admins run the desk: they manage users and roles (see mayChangeRole). */
export function isAdmin(role: Role): boolean {
  return role === 'admin';
}

export const roleLabels: Record<Role, string> = { customer: 'Customer', agent: 'Agent', admin: 'Admin' };
