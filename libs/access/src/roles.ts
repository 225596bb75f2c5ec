/** What a user may do on behalf of its unit. */
export const ROLES = ['officer', 'leader', 'supervisor', 'leadership', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The acting user, as every use case receives it. */
export interface Actor {
  /** Null for the engine itself or the command line acting as a unit. */
  userId: string | null;
  username: string;
  unitCode: string;
  roles: Role[];
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}
