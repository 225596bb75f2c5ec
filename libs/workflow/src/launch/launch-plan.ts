import { randomUUID } from 'node:crypto';
import { GENESIS_HASH } from '../audit/event-chain';
import type { NewEvent } from '../audit/event-recorder';
import type { TaskKind } from '../persistence/task.entity';
import type { MeasureNotReady } from './launch.types';

/** A measure as launch reads it: its responsible units in order, lead(s) first. */
export interface LaunchableMeasure {
  id: string;
  documentId: string;
  path: string;
  title: string;
  text: string;
  needsAssignment: boolean;
  deadline: string | null;
  units: { code: string; role: 'lead' | 'co' }[];
}

export interface PlannedTask {
  id: string;
  workflowId: string;
  parentTaskId: string | null;
  kind: TaskKind;
  unitCode: string;
  assignerUnitCode: string;
  title: string;
  description: string;
  state: 'assigned';
  deadline: string;
  ackDeadline: string;
}

export interface PlannedWorkflow {
  id: string;
  measure: LaunchableMeasure;
  deadline: string;
  tasks: PlannedTask[];
  events: NewEvent[];
}

/** Why a measure cannot launch yet; empty when it can. */
export function readinessProblems(measure: LaunchableMeasure, deadline: string | null, today: string): string[] {
  const problems: string[] = [];
  if (measure.needsAssignment || measure.units.length === 0)
    problems.push('尚未明确责任单位，请先指定牵头单位和配合单位');
  if (!deadline) problems.push('没有完成时限：文件未写明，下达时也未指定');
  else if (deadline < today) problems.push(`完成时限 ${deadline} 已过，请在下达时指定新的完成时限`);
  return problems;
}

export function notReady(measure: LaunchableMeasure, reasons: string[]): MeasureNotReady {
  return { measureId: measure.id, path: measure.path, title: measure.title, reasons };
}

/**
 * One workflow for a measure: the lead task for the first lead unit, assigned by the supervisor's
 * unit, and a task for every other unit under it, assigned (and reviewed) by the lead unit.
 */
export function planWorkflow(
  measure: LaunchableMeasure,
  deadline: string,
  ackDeadline: string,
  supervisorUnitCode: string,
): PlannedWorkflow {
  const workflowId = randomUUID();
  const [lead, ...others] = measure.units;
  const base = {
    workflowId,
    title: measure.title,
    description: measure.text,
    state: 'assigned' as const,
    deadline,
    ackDeadline,
  };
  const leadTask: PlannedTask = {
    ...base,
    id: randomUUID(),
    parentTaskId: null,
    kind: 'lead',
    unitCode: lead.code,
    assignerUnitCode: supervisorUnitCode,
  };
  const coTasks = others.map((unit): PlannedTask => ({
    ...base,
    id: randomUUID(),
    parentTaskId: leadTask.id,
    kind: 'co',
    unitCode: unit.code,
    assignerUnitCode: lead.code,
  }));
  const tasks = [leadTask, ...coTasks];
  const events: NewEvent[] = tasks.map((task) => ({
    taskId: task.id,
    action: 'launch',
    fromState: null,
    toState: 'assigned',
    payload: {
      kind: task.kind,
      unitCode: task.unitCode,
      assignerUnitCode: task.assignerUnitCode,
      deadline,
      ackDeadline,
      measureId: measure.id,
    },
  }));
  return { id: workflowId, measure, deadline, tasks, events };
}

export const NEW_CHAIN = { eventCount: 0, lastEventHash: GENESIS_HASH };
