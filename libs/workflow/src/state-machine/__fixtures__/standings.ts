import type { ActorRole, ActorStanding, TaskRelation, TaskSnapshot } from '../index';
import { type TaskState } from '@app/common';

export const STANDINGS = {
  assigneeOfficer: { relations: ['assignee'], roles: ['officer'] },
  assigneeLeader: { relations: ['assignee'], roles: ['leader'] },
  assigneeLeadership: { relations: ['assignee'], roles: ['leadership'] },
  assignerOfficer: { relations: ['assigner'], roles: ['officer'] },
  assignerLeader: { relations: ['assigner'], roles: ['leader'] },
  overseerOfficer: { relations: ['overseer'], roles: ['officer'] },
  overseerLeader: { relations: ['overseer'], roles: ['leader'] },
  supervisor: { relations: ['supervisor'], roles: ['supervisor'] },
  supervisorByRoleOnly: { relations: ['none'], roles: ['supervisor'] },
  admin: { relations: ['admin'], roles: ['admin'] },
  noneLeader: { relations: ['none'], roles: ['leader'] },
  leadership: { relations: ['none'], roles: ['leadership'] },
} satisfies Record<string, ActorStanding>;

export type StandingName = keyof typeof STANDINGS;
export const STANDING_NAMES = Object.keys(STANDINGS) as StandingName[];

export function snapshot(state: TaskState, overrides: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return { state, pendingExtension: false, openSubtasks: 0, isLeadTask: false, ...overrides };
}

const RELATIONS: readonly TaskRelation[] = ['assignee', 'assigner', 'overseer', 'supervisor', 'admin', 'none'];
const ROLES: readonly ActorRole[] = ['officer', 'leader', 'supervisor', 'leadership', 'admin'];

/** Every combination of relations and roles (2^6 × 2^5). */
export function everyStanding(): ActorStanding[] {
  return subsets(RELATIONS).flatMap((relations) => subsets(ROLES).map((roles) => ({ relations, roles })));
}

/** Every combination of the snapshot's flags, in the given state. */
export function everySnapshot(state: TaskState): TaskSnapshot[] {
  return [false, true].flatMap((pendingExtension) =>
    [0, 2].flatMap((openSubtasks) =>
      [false, true].map((isLeadTask) => ({ state, pendingExtension, openSubtasks, isLeadTask })),
    ),
  );
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((set) => [...set, item])], [[]]);
}
