import { type TaskState } from '@app/common';

/**
 * How the acting user stands to the task.
 * - assignee: the user's unit holds the task;
 * - assigner: the user's unit assigned it (reviews it, decides its extensions, may cancel it);
 * - overseer: the user's unit holds an ancestor task or assigned an ancestor;
 * - supervisor: role supervisor (督查室), sees and oversees everything;
 * - admin: role admin.
 */
export type TaskRelation = 'assignee' | 'assigner' | 'overseer' | 'supervisor' | 'admin' | 'none';

/** Same values as `Role` in libs/access (not imported: this folder stays free of framework code). */
export type ActorRole = 'officer' | 'leader' | 'supervisor' | 'leadership' | 'admin';

export interface TaskSnapshot {
  state: TaskState;
  pendingExtension: boolean;
  /** Subtasks neither approved nor cancelled. */
  openSubtasks: number;
  isLeadTask: boolean;
}

export interface ActorStanding {
  relations: TaskRelation[];
  roles: ActorRole[];
}

/** One way to be allowed an action: stand in `relation` to the task and hold one of `roles` (any role if absent). */
export interface Grant {
  relation: Exclude<TaskRelation, 'none'>;
  roles?: readonly ActorRole[];
  leadTaskOnly?: boolean;
  /** Who this is, in the message that tells a refused user who may act. */
  label: string;
}

// A unit acts through its officers and leaders; a user with only the leadership role reads reports.
const UNIT_STAFF: readonly ActorRole[] = ['officer', 'leader'];

export const ASSIGNEE: Grant = { relation: 'assignee', roles: UNIT_STAFF, label: '承办单位' };
export const ASSIGNEE_LEADER: Grant = { relation: 'assignee', roles: ['leader'], label: '承办单位负责人' };
export const ASSIGNER: Grant = { relation: 'assigner', roles: UNIT_STAFF, label: '交办单位' };
export const ASSIGNER_LEADER: Grant = { relation: 'assigner', roles: ['leader'], label: '交办单位负责人' };
export const OVERSEER: Grant = { relation: 'overseer', roles: UNIT_STAFF, label: '上级单位' };
export const SUPERVISOR: Grant = { relation: 'supervisor', label: '督查室' };
export const SUPERVISOR_OF_LEAD_TASK: Grant = { relation: 'supervisor', leadTaskOnly: true, label: '督查室' };
export const ADMIN: Grant = { relation: 'admin', label: '系统管理员' };

/** A grant that can apply to this task at all (some are for lead tasks only). */
export function appliesTo(grant: Grant, task: TaskSnapshot): boolean {
  return !grant.leadTaskOnly || task.isLeadTask;
}

export function isHeldBy(grant: Grant, actor: ActorStanding): boolean {
  const roles = grant.roles;
  return relationsOf(actor).has(grant.relation) && (roles === undefined || actor.roles.some((r) => roles.includes(r)));
}

/** The supervisor and admin relations follow from the roles, whether or not the caller listed them. */
function relationsOf(actor: ActorStanding): ReadonlySet<TaskRelation> {
  const relations = new Set<TaskRelation>(actor.relations);
  if (actor.roles.includes('supervisor')) relations.add('supervisor');
  if (actor.roles.includes('admin')) relations.add('admin');
  return relations;
}
