import type { NewNotice, NoticeKind } from '@app/notifications';
import type { ScheduledStepEntity } from './scheduled-step.entity';

export interface StepTaskFacts {
  id: string;
  title: string;
  unitCode: string;
  unitName: string;
  assignerUnitCode: string;
  supervisorUnitCode: string;
  deadline: string;
  ackDeadline: string;
  overdueWorkingDays: number;
}

const KIND: Record<string, NoticeKind> = {
  ack_reminder: 'reminder',
  ack_overdue: 'overdue',
  deadline_reminder: 'reminder',
  deadline_overdue: 'overdue',
  escalation: 'escalation',
  report_reminder: 'reminder',
  report_overdue: 'overdue',
  report_escalation: 'escalation',
};

function wording(step: ScheduledStepEntity, task: StepTaskFacts): { title: string; body: string } {
  const quarter = step.quarter ?? '';
  const level = step.escalationLevel >= 2 ? '挂牌督办' : '督办';
  switch (step.kind) {
    case 'ack_reminder':
      return { title: `签收提醒：${task.title}`, body: `请于 ${task.ackDeadline} 前签收该任务。` };
    case 'ack_overdue':
      return { title: `逾期未签收：${task.title}`, body: `${task.unitName} 未在 ${task.ackDeadline} 前签收该任务。` };
    case 'deadline_reminder':
      return { title: `到期提醒：${task.title}`, body: `该任务将于 ${task.deadline} 到期，请抓紧办理。` };
    case 'deadline_overdue':
      return {
        title: `逾期催办：${task.title}`,
        body: `${task.unitName} 承办的该任务已于 ${task.deadline} 到期，尚未办结。`,
      };
    case 'escalation':
      return {
        title: `${level}：${task.title}`,
        body: `${task.unitName} 承办的该任务已逾期 ${task.overdueWorkingDays} 个工作日（完成时限 ${task.deadline}）。`,
      };
    case 'report_reminder':
      return { title: `季度进展报送提醒：${task.title}`, body: `请按时报送 ${quarter} 进展情况。` };
    case 'report_overdue':
      return { title: `季度进展逾期未报：${task.title}`, body: `${task.unitName} 尚未报送 ${quarter} 进展情况。` };
    default:
      return { title: `季度进展${level}：${task.title}`, body: `${task.unitName} 逾期未报送 ${quarter} 进展情况。` };
  }
}

/** The notices one ladder step sends: one per recipient unit, each once whatever runs twice. */
export function stepNotices(
  step: ScheduledStepEntity,
  task: StepTaskFacts,
  leadershipUnitCode: string,
  late: boolean,
): NewNotice[] {
  const unitOf: Record<string, string> = {
    assignee: task.unitCode,
    assigner: task.assignerUnitCode,
    supervisor: task.supervisorUnitCode,
    leadership: leadershipUnitCode,
  };
  const units = [...new Set(step.recipients.map((recipient) => unitOf[recipient]).filter(Boolean))];
  const { title, body } = wording(step, task);
  return units.map((unitCode) => ({
    dedupeKey: `step:${step.id}:${unitCode}`,
    unitCode,
    taskId: task.id,
    kind: KIND[step.kind] ?? 'reminder',
    title,
    body: late ? `${body}（补发：应于 ${step.dueAt.toISOString()} 发送）` : body,
    sentBy: null,
    stepId: step.id,
    dueAt: step.dueAt,
    deliveredLate: late,
  }));
}
