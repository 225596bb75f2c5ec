import type { Grant } from './standing';
import {
  ADMIN,
  ASSIGNEE,
  ASSIGNEE_LEADER,
  ASSIGNER,
  ASSIGNER_LEADER,
  OVERSEER,
  SUPERVISOR,
  SUPERVISOR_OF_LEAD_TASK,
} from './standing';
import type { TaskAction } from './vocabulary';
import { type TaskState, OPEN_STATES } from '@app/common';

export type Precondition = 'no_open_subtasks' | 'no_pending_extension' | 'pending_extension';

/** `action` may be taken from any state in `from`, by anyone holding one of `who`, and leads to `to`. */
export interface TransitionRule {
  action: TaskAction;
  from: readonly TaskState[];
  to: TaskState | 'same';
  who: readonly Grant[];
  requires?: Precondition;
}

/** Open and not waiting on someone else's decision (a review, an objection). */
const ACTIVE: readonly TaskState[] = ['assigned', 'acknowledged', 'in_progress'];
/** Received and being worked on. */
const WORKING: readonly TaskState[] = ['acknowledged', 'in_progress'];

const REVIEWERS: readonly Grant[] = [ASSIGNER_LEADER, SUPERVISOR_OF_LEAD_TASK];
const DECIDERS: readonly Grant[] = [ASSIGNER_LEADER, SUPERVISOR];

/** At most one rule per (action, state): an action that lands differently by state has several rules. */
export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'acknowledge', from: ['assigned'], to: 'acknowledged', who: [ASSIGNEE] },
  { action: 'start', from: ['acknowledged'], to: 'in_progress', who: [ASSIGNEE] },
  { action: 'submit', from: ['in_progress'], to: 'submitted', who: [ASSIGNEE_LEADER], requires: 'no_open_subtasks' },
  { action: 'approve', from: ['submitted'], to: 'approved', who: REVIEWERS },
  { action: 'return', from: ['submitted'], to: 'in_progress', who: REVIEWERS },
  { action: 'object', from: ['assigned', 'acknowledged'], to: 'objected', who: [ASSIGNEE] },
  // The unit keeps the task and must acknowledge it again.
  { action: 'confirm_objection', from: ['objected'], to: 'assigned', who: [SUPERVISOR] },
  // The new unit has yet to acknowledge an objected task; otherwise a reassigned task (bulk transfer
  // when a unit is reorganised) carries on where it was.
  { action: 'reassign', from: ['objected'], to: 'assigned', who: [SUPERVISOR, ADMIN] },
  {
    action: 'reassign',
    from: ['assigned', 'acknowledged', 'in_progress', 'submitted'],
    to: 'same',
    who: [SUPERVISOR, ADMIN],
  },
  { action: 'request_extension', from: ACTIVE, to: 'same', who: [ASSIGNEE], requires: 'no_pending_extension' },
  // A request made earlier stays decidable after the task was submitted or objected to.
  { action: 'approve_extension', from: OPEN_STATES, to: 'same', who: DECIDERS, requires: 'pending_extension' },
  { action: 'refuse_extension', from: OPEN_STATES, to: 'same', who: DECIDERS, requires: 'pending_extension' },
  { action: 'cancel', from: OPEN_STATES, to: 'cancelled', who: [ASSIGNER_LEADER, SUPERVISOR, ADMIN] },
  { action: 'remind', from: OPEN_STATES, to: 'same', who: [OVERSEER, ASSIGNER, SUPERVISOR] },
  { action: 'report_progress', from: WORKING, to: 'in_progress', who: [ASSIGNEE] },
  // A progress report can only exist once the task is in progress (reporting moves it there).
  { action: 'review_progress', from: ['in_progress', 'submitted'], to: 'same', who: DECIDERS },
  { action: 'split', from: WORKING, to: 'same', who: [ASSIGNEE] },
];

export function ruleFor(state: TaskState, action: TaskAction): TransitionRule | undefined {
  return TRANSITIONS.find((rule) => rule.action === action && rule.from.includes(state));
}
