import { jobId } from '@app/queues';
import type { Recipient, StepKind } from './ladder-config';

export interface PlannedStep {
  /** Unique per task, e.g. 'deadline_reminder.10d', 'escalation.L1', 'report_overdue.2026Q4'. */
  key: string;
  kind: StepKind;
  dueAt: Date;
  /** The working day (Asia/Shanghai) the step belongs to. */
  dueDate: string;
  recipients: Recipient[];
  /** The rule's level for escalation and report_escalation steps, else 0. */
  escalationLevel: number;
  /**
   * The task's deadlineVersion for steps timed from the deadline; 0 for steps that do not depend on
   * it (ack and report steps), so a new deadline does not re-issue them under a new job id.
   */
  deadlineVersion: number;
  /** 2026Q4 for report steps, else null. */
  quarter: string | null;
}

/** The queue's job id for a step (keys use '.', never ':'). */
export function stepJobId(taskId: string, step: Pick<PlannedStep, 'key' | 'deadlineVersion'>): string {
  return jobId('step.deliver', { taskId, key: step.key, deadlineVersion: step.deadlineVersion });
}
