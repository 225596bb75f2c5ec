import type { ActorStanding, TaskSnapshot } from './standing';
import { appliesTo, isHeldBy } from './standing';
import type { Precondition } from './transitions';
import { ruleFor } from './transitions';
import type { TaskAction } from './vocabulary';
import { TASK_ACTION_LABELS, TASK_ACTIONS } from './vocabulary';
import { type TaskState, TASK_STATE_LABELS } from '@app/common';

export type DenialReason = 'invalid_transition' | 'not_permitted' | 'precondition';

export type TransitionDecision =
  /** `to` is the current state for actions that do not move the task (remind, request_extension…). */
  | { allowed: true; to: TaskState }
  /** `message` is Chinese, for the bureaus, and names the current state. */
  | { allowed: false; reason: DenialReason; code: string; message: string };

interface Unmet {
  code: string;
  because: string;
}

const PRECONDITIONS: Record<Precondition, (task: TaskSnapshot) => Unmet | undefined> = {
  no_open_subtasks: (task) =>
    task.openSubtasks > 0
      ? { code: 'SUBTASKS_OPEN', because: `尚有${task.openSubtasks}项子任务未审核通过` }
      : undefined,
  no_pending_extension: (task) =>
    task.pendingExtension ? { code: 'EXTENSION_PENDING', because: '已有延期申请待审批' } : undefined,
  pending_extension: (task) =>
    task.pendingExtension ? undefined : { code: 'NO_EXTENSION_PENDING', because: '没有待审批的延期申请' },
};

/**
 * Whether `actor` may take `action` on `task`, and where it leads. The state is checked first, then
 * the actor's standing, then preconditions: a move impossible from this state is refused as such
 * whoever asks, so the refusal always reports the current state.
 */
export function decide(task: TaskSnapshot, action: TaskAction, actor: ActorStanding): TransitionDecision {
  const state = TASK_STATE_LABELS[task.state];
  const act = TASK_ACTION_LABELS[action];
  const rule = ruleFor(task.state, action);
  if (rule === undefined) {
    return deny('invalid_transition', 'INVALID_TRANSITION', `当前状态为“${state}”，不能执行“${act}”`);
  }
  const grants = rule.who.filter((grant) => appliesTo(grant, task));
  if (!grants.some((grant) => isHeldBy(grant, actor))) {
    const who = listOf(grants.map((grant) => grant.label));
    return deny('not_permitted', 'NOT_PERMITTED', `只有${who}可以${act}（当前状态为“${state}”）`);
  }
  const unmet = rule.requires === undefined ? undefined : PRECONDITIONS[rule.requires](task);
  if (unmet !== undefined) {
    return deny('precondition', unmet.code, `当前状态为“${state}”，${unmet.because}，不能${act}`);
  }
  return { allowed: true, to: rule.to === 'same' ? task.state : rule.to };
}

/** The actions `actor` may take on `task` now, in the order of TASK_ACTIONS: what the UI may offer. */
export function allowedActions(task: TaskSnapshot, actor: ActorStanding): TaskAction[] {
  return TASK_ACTIONS.filter((action) => decide(task, action, actor).allowed);
}

function deny(reason: DenialReason, code: string, message: string): TransitionDecision {
  return { allowed: false, reason, code, message };
}

/** 甲 / 甲或乙 / 甲、乙或丙 */
function listOf(labels: readonly string[]): string {
  const distinct = [...new Set(labels)];
  const last = distinct.pop() ?? '';
  return distinct.length === 0 ? last : `${distinct.join('、')}或${last}`;
}
