import type { EntityManager } from 'typeorm';

export interface DeliveredEscalation {
  taskId: string;
  level: number;
  stepKey: string;
  at: Date;
}

/**
 * Raises a task's escalation level when a deadline escalation is delivered, inside the delivery's
 * transaction. The task's own library implements it, so the level changes by an event in the task's
 * history (scheduling sits below workflow and cannot write its tables).
 */
export abstract class TaskEscalation {
  abstract raise(manager: EntityManager, escalation: DeliveredEscalation): Promise<void>;

  /**
   * A delivery batch's escalations, in the order given. Batches run side by side and may share
   * workflows: an implementation takes its locks in one global order, so two batches never deadlock.
   */
  abstract raiseAll(manager: EntityManager, escalations: readonly DeliveredEscalation[]): Promise<void>;
}
