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
