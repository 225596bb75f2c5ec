import type { NewNotice } from '@app/notifications';
import { TASK_ACTION_LABELS } from '../state-machine';
import type { TaskEntity } from '../persistence/task.entity';
import type { TaskActionCommand } from './task-action.types';
import { type TaskState } from '@app/common';

/** What an action changes beyond the state: columns of the task, the event's payload, notices. */
export interface ActionEffect {
  patch: Partial<TaskEntity>;
  payload: Record<string, string | number | null>;
  notices: NewNotice[];
}

export interface EffectContext {
  task: TaskEntity;
  command: TaskActionCommand;
  to: TaskState;
  now: Date;
  /** Acknowledgement deadline for a task assigned today. */
  ackDeadline: string;
  eventKey: string;
}

function notice(
  context: EffectContext,
  unitCode: string,
  title: string,
  body: string,
  kind: NewNotice['kind'] = 'assignment',
): NewNotice {
  return {
    dedupeKey: `${context.command.action}:${context.eventKey}:${unitCode}`,
    unitCode,
    taskId: context.task.id,
    kind,
    title,
    body,
    sentBy: context.command.actor.username,
  };
}

/** The assigning side's decision, told to the unit holding the task. */
const toAssignee = (context: EffectContext, text: string, kind: NewNotice['kind'] = 'review_result') =>
  notice(
    context,
    context.task.unitCode,
    `${TASK_ACTION_LABELS[context.command.action]}：${context.task.title}`,
    text,
    kind,
  );
/** Something the assigning side must decide. */
const toAssigner = (context: EffectContext, text: string) =>
  notice(
    context,
    context.task.assignerUnitCode,
    `${TASK_ACTION_LABELS[context.command.action]}：${context.task.title}`,
    text,
    'review_request',
  );

type EffectBuilder = (context: EffectContext) => ActionEffect;

const nothing = (): ActionEffect => ({ patch: {}, payload: {}, notices: [] });

export const EFFECTS: Record<TaskActionCommand['action'], EffectBuilder> = {
  acknowledge: (context) => ({ patch: { acknowledgedAt: context.now }, payload: {}, notices: [] }),
  start: nothing,
  submit: (context) => ({
    patch: { submittedAt: context.now },
    payload: {},
    notices: [toAssigner(context, '承办单位已报送办结，请审核。')],
  }),
  approve: (context) => ({
    patch: { completedAt: context.now },
    payload: {},
    notices: [toAssignee(context, '办结报告已审核通过。')],
  }),
  return: (context) => ({
    patch: { submittedAt: null },
    payload: {},
    notices: [toAssignee(context, `办结报告被退回：${context.command.reason}`)],
  }),
  object: (context) => ({
    patch: {},
    payload: {},
    notices: [toAssigner(context, `承办单位提出异议：${context.command.reason}`)],
  }),
  confirm_objection: (context) => ({
    patch: { acknowledgedAt: null, ackDeadline: context.ackDeadline, assignedAt: context.now },
    payload: { ackDeadline: context.ackDeadline },
    notices: [toAssignee(context, `异议未被采纳，任务仍由本单位承办，请于 ${context.ackDeadline} 前签收。`)],
  }),
  reassign: (context) => {
    const unitCode = context.command.unitCode!;
    const reassigned = context.to === 'assigned' ? { acknowledgedAt: null, ackDeadline: context.ackDeadline } : {};
    return {
      patch: { unitCode, assignedAt: context.now, ...reassigned },
      payload: {
        fromUnitCode: context.task.unitCode,
        toUnitCode: unitCode,
        ...(context.to === 'assigned' ? { ackDeadline: context.ackDeadline } : {}),
      },
      notices: [
        notice(
          context,
          unitCode,
          `新任务（改派）：${context.task.title}`,
          `任务已改由本单位承办；完成时限 ${context.task.deadline}。`,
        ),
      ],
    };
  },
  request_extension: (context) => ({
    patch: { extensionRequestedUntil: context.command.until!, extensionReason: context.command.reason! },
    payload: { until: context.command.until!, currentDeadline: context.task.deadline },
    notices: [
      toAssigner(
        context,
        `申请将完成时限由 ${context.task.deadline} 延至 ${context.command.until}：${context.command.reason}`,
      ),
    ],
  }),
  approve_extension: (context) => ({
    patch: {
      deadline: context.task.extensionRequestedUntil!,
      deadlineVersion: context.task.deadlineVersion + 1,
      extensionRequestedUntil: null,
      extensionReason: null,
    },
    payload: { fromDeadline: context.task.deadline, toDeadline: context.task.extensionRequestedUntil },
    notices: [toAssignee(context, `延期申请已批准，完成时限改为 ${context.task.extensionRequestedUntil}。`)],
  }),
  refuse_extension: (context) => ({
    patch: { extensionRequestedUntil: null, extensionReason: null },
    payload: { refusedUntil: context.task.extensionRequestedUntil },
    notices: [toAssignee(context, `延期申请未获批准：${context.command.reason}`)],
  }),
  cancel: (context) => ({
    patch: { completedAt: context.now },
    payload: {},
    notices: [toAssignee(context, `任务已撤销：${context.command.reason}`, 'assignment')],
  }),
  remind: (context) => ({
    patch: {},
    payload: { message: context.command.message! },
    notices: [
      notice(
        context,
        context.task.unitCode,
        `催办：${context.task.title}`,
        context.command.message!,
        'manual_reminder',
      ),
    ],
  }),
};
