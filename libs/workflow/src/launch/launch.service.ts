import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError, shanghaiDate } from '@app/common';
import { NoticeOutbox, type NewNotice } from '@app/notifications';
import { UnitOfWork, type Work } from '@app/queues';
import { StepPlanner } from '@app/scheduling';
import { chainRows, insertEventRows, type EventActor } from '../audit/event-recorder';
import {
  LaunchableMeasure,
  NEW_CHAIN,
  notReady,
  planWorkflow,
  PlannedWorkflow,
  readinessProblems,
} from './launch-plan';
import type { LaunchCommand, LaunchOutcome, MeasureNotReady } from './launch.types';

/** 分解下达: a supervisor turns measures into workflows of assigned tasks, all of them or none. */
@Injectable()
export class LaunchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly planner: StepPlanner,
    private readonly notices: NoticeOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async launch(command: LaunchCommand): Promise<LaunchOutcome> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const ackDeadline = await this.planner.ackDeadlineForDocument(this.dataSource.manager, command.documentId, today);
    const measures = await this.loadMeasures(command);
    const deadlineOf = (measure: LaunchableMeasure) =>
      command.deadlines?.[measure.id] ?? measure.deadline ?? command.defaultDeadline ?? null;
    const problems: MeasureNotReady[] = measures
      .map((measure) => notReady(measure, readinessProblems(measure, deadlineOf(measure), today)))
      .filter((problem) => problem.reasons.length > 0);
    if (problems.length > 0) {
      throw new DomainError('invalid', 'MEASURES_NOT_READY', `${problems.length}项措施尚不能下达，本次未下达任何措施`, {
        field: 'measureIds',
        measures: problems,
      });
    }
    const plans = measures.map((measure) =>
      planWorkflow(measure, deadlineOf(measure)!, ackDeadline, command.actor.unitCode),
    );
    const actor: EventActor = {
      userId: command.actor.userId,
      username: command.actor.username,
      unitCode: command.actor.unitCode,
    };
    await this.unitOfWork.run((work) => this.write(work, plans, actor, now));
    return {
      launched: plans.map((plan) => ({
        measureId: plan.measure.id,
        workflowId: plan.id,
        path: plan.measure.path,
        title: plan.measure.title,
        deadline: plan.deadline,
        taskCount: plan.tasks.length,
        tasks: plan.tasks.map(({ id, kind, unitCode, deadline }) => ({ id, kind, unitCode, deadline })),
      })),
      taskCount: plans.reduce((sum, plan) => sum + plan.tasks.length, 0),
      ackDeadline,
    };
  }

  private async loadMeasures(command: LaunchCommand): Promise<LaunchableMeasure[]> {
    const filterIds = command.measureIds !== undefined;
    const measures: LaunchableMeasure[] = await this.dataSource.query(
      `SELECT m.id, m.document_id AS "documentId", m.path, m.title, m.text, m.needs_assignment AS "needsAssignment", to_char(m.deadline, 'YYYY-MM-DD') AS deadline,
              COALESCE((SELECT json_agg(json_build_object('code', mu.unit_code, 'role', mu.role) ORDER BY mu.role = 'co', mu.position) FROM measure_units mu WHERE mu.measure_id = m.id), '[]') AS units
       FROM measures m WHERE m.document_id = $1 AND m.removed_in_revision IS NULL ${filterIds ? 'AND m.id = ANY($2)' : ''} ORDER BY m.position`,
      filterIds ? [command.documentId, command.measureIds] : [command.documentId],
    );
    if (filterIds) {
      const missing = command.measureIds!.filter((id) => !measures.some((measure) => measure.id === id));
      if (missing.length > 0)
        throw new DomainError('not_found', 'MEASURE_NOT_FOUND', `该文件中没有措施 ${missing.join('、')}`, {
          field: 'measureIds',
          missing,
        });
    }
    if (measures.length === 0)
      throw new DomainError('invalid', 'NOTHING_TO_LAUNCH', '没有可下达的措施', { field: 'measureIds' });
    return measures;
  }

  private async write(work: Work, plans: PlannedWorkflow[], actor: EventActor, now: Date): Promise<void> {
    const { manager } = work;
    const launchedAlready: { measure_id: string }[] = await manager.query(
      'SELECT measure_id FROM workflows WHERE measure_id = ANY($1)',
      [plans.map((plan) => plan.measure.id)],
    );
    if (launchedAlready.length > 0)
      throw alreadyLaunched(
        plans,
        launchedAlready.map((row) => row.measure_id),
      );
    const chains = plans.map((plan) => ({ plan, ...chainRows(plan.id, NEW_CHAIN, actor, now, plan.events) }));
    try {
      await manager.query(
        `INSERT INTO workflows (id, measure_id, document_id, state, launched_by, launched_at, event_count, last_event_hash)
         SELECT id, "measureId", "documentId", 'active', $2, $3, "eventCount", "lastEventHash"
         FROM jsonb_to_recordset($1::jsonb) AS w(id uuid, "measureId" uuid, "documentId" uuid, "eventCount" int, "lastEventHash" text)`,
        [
          JSON.stringify(
            chains.map(({ plan, next }) => ({
              id: plan.id,
              measureId: plan.measure.id,
              documentId: plan.measure.documentId,
              ...next,
            })),
          ),
          actor.username,
          now,
        ],
      );
    } catch (error) {
      // A concurrent launch of the same measure got there first.
      if ((error as { code?: string }).code === '23505') throw alreadyLaunched(plans, []);
      throw error;
    }
    const tasks = plans.flatMap((plan) => plan.tasks);
    await manager.query(
      `INSERT INTO tasks (id, workflow_id, parent_task_id, kind, unit_code, assigner_unit_code, title, description, state, deadline, ack_deadline, assigned_at)
       SELECT id, "workflowId", "parentTaskId", kind, "unitCode", "assignerUnitCode", title, description, state, deadline, "ackDeadline", $2
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, "workflowId" uuid, "parentTaskId" uuid, kind text, "unitCode" text, "assignerUnitCode" text,
            title text, description text, state text, deadline date, "ackDeadline" date)
       ORDER BY "parentTaskId" NULLS FIRST`,
      [JSON.stringify(tasks), now],
    );
    await insertEventRows(
      manager,
      chains.flatMap((chain) => chain.rows),
    );
    await this.notices.write(
      work,
      tasks.map((task) => assignmentNotice(task, actor)),
      now,
    );
    work.wakeAfterCommit(
      await this.planner.replan(
        manager,
        tasks.map((task) => task.id),
        now,
      ),
    );
  }
}

function assignmentNotice(task: PlannedWorkflow['tasks'][number], actor: EventActor): NewNotice {
  const role = task.kind === 'lead' ? '牵头' : '配合';
  return {
    dedupeKey: `assignment:${task.id}`,
    unitCode: task.unitCode,
    taskId: task.id,
    kind: 'assignment',
    title: `新任务（${role}）：${task.title}`,
    body: `请于 ${task.ackDeadline} 前签收；完成时限 ${task.deadline}。`,
    sentBy: actor.username,
  };
}

function alreadyLaunched(plans: PlannedWorkflow[], measureIds: string[]): DomainError {
  const paths = plans.filter((plan) => measureIds.includes(plan.measure.id)).map((plan) => plan.measure.path);
  const which = paths.length > 0 ? `措施 ${paths.join('、')} ` : '';
  return new DomainError('conflict', 'MEASURE_ALREADY_LAUNCHED', `${which}已经下达，不能重复下达`, {
    field: 'measureIds',
    measureIds,
  });
}
