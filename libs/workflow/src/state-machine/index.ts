export { TASK_ACTIONS, TASK_ACTION_LABELS } from './vocabulary';
export type { TaskAction } from './vocabulary';
export type { ActorRole, ActorStanding, Grant, TaskRelation, TaskSnapshot } from './standing';
export { TRANSITIONS } from './transitions';
export type { Precondition, TransitionRule } from './transitions';
export { allowedActions, decide } from './decide';
export type { DenialReason, TransitionDecision } from './decide';
