import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeasureView } from '@app/documents';
import type { TaskSummary } from '@app/workflow';
import { repositoryRoot } from '@app/common';
import { addCalendarDays, atShanghaiTime, WorkingCalendar } from '@app/calendar';
import { QUEUES, waitForIdle } from '@app/queues';
import { promoteDueSteps } from '@app/scheduling';
import type { DemoClient } from './demo-client';
import type { DemoEnvironment } from './demo-environment';
import {
  ACK_DELAY,
  deadlineFor,
  DEMO_END,
  personaOf,
  REPORT_DAYS,
  SPLIT_CITIES,
  SPLIT_MEASURES,
  SUBMIT_OFFSET,
  SUBTASK_DEADLINE,
  SUGGESTIONS_TO_ACCEPT,
  type Persona,
} from './demo-plan';
import { leaderOf, SUPERVISOR } from './demo-users';

type MeasureRow = Pick<MeasureView, 'id' | 'path' | 'title' | 'units' | 'targets'>;

/** What the simulation itself did, to check the engine's figures against. */
export interface LedgerEntry {
  persona: Persona;
  firstSeen: string;
  approvedAt: Date | null;
  /** The deadline and when it last changed (an approved extension). */
  deadlines: { deadline: string; from: Date }[];
  submittedOn: string | null;
  returned: boolean;
}

export interface SimulationState {
  documentId: string;
  ledger: Map<string, LedgerEntry>;
  /** Progress reports waiting for review: report id → reviewer and task. */
  pendingReviews: Map<string, { taskId: string; reviewer: string; submittedOn: string }>;
  reported: Set<string>;
  extensionTaskId: string | null;
  returnedTaskId: string | null;
  splitDone: Set<string>;
  measures: Map<string, MeasureRow>;
}

const WORKFLOW_USERS = {
  reviewerOf: (task: TaskSummary) => leaderOf(task.assignerUnitCode),
  holderOf: (task: TaskSummary) => leaderOf(task.unitCode),
};

/** Who takes a measure no similar measure suggests units for: the development and reform commission, with commerce. */
const FALLBACK_UNITS = {
  leadUnitCode: 'sx-development-reform',
  coUnitCodes: ['sx-commerce'],
  note: '演示：督查室指定',
};

/** Accepts the units suggested from similar measures; false when none is close enough (409 NO_SUGGESTION). */
async function acceptSuggestion(client: DemoClient, measure: MeasureRow): Promise<boolean> {
  const { status, body } = await client.send(SUPERVISOR, 'POST', `/measures/${measure.id}/units/accept-suggestion`, {});
  if (status === 409) return false;
  if (status >= 400) throw new Error(`采纳 ${measure.path} 的单位建议失败：${status} ${JSON.stringify(body)}`);
  return true;
}

/** Imports both seed documents, accepts suggested units, and launches the 2022 action plan, all through the API. */
export async function setUpDocuments(client: DemoClient): Promise<SimulationState> {
  const ids: string[] = [];
  for (const name of ['shanxi-modern-services-plan-2021.txt', 'shanxi-consumer-services-action-plan-2022.txt']) {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(repositoryRoot(), 'seeds', name))]), name);
    ids.push((await client.post<{ documentId: string }>(SUPERVISOR, '/documents', form)).documentId);
  }
  const [plan2021, plan2022] = ids;
  let accepted = 0;
  for (const measure of await client.get<MeasureRow[]>(
    SUPERVISOR,
    `/documents/${plan2021}/measures?needsAssignment=true`,
  )) {
    if (accepted < SUGGESTIONS_TO_ACCEPT && (await acceptSuggestion(client, measure))) accepted += 1;
  }
  const measures = await client.get<MeasureRow[]>(SUPERVISOR, `/documents/${plan2022}/measures`);
  for (const measure of measures.filter((row) => row.units.needsAssignment)) {
    if (!(await acceptSuggestion(client, measure)))
      await client.request(SUPERVISOR, 'PUT', `/measures/${measure.id}/units`, FALLBACK_UNITS);
  }
  const deadlines = Object.fromEntries(measures.map((measure, position) => [measure.id, deadlineFor(position)]));
  await client.post(SUPERVISOR, `/documents/${plan2022}/launch`, { deadlines });
  return {
    documentId: plan2022,
    ledger: new Map(),
    pendingReviews: new Map(),
    reported: new Set(),
    extensionTaskId: null,
    returnedTaskId: null,
    splitDone: new Set(),
    measures: new Map(measures.map((measure) => [measure.id, measure])),
  };
}

async function allTasks(client: DemoClient, documentId: string): Promise<TaskSummary[]> {
  const tasks: TaskSummary[] = [];
  for (let page = 1; ; page += 1) {
    const result = await client.get<{ items: TaskSummary[]; total: number }>(
      SUPERVISOR,
      `/tasks?scope=all&documentId=${documentId}&sort=deadline&page=${page}&pageSize=100`,
    );
    tasks.push(...result.items);
    if (tasks.length >= result.total || result.items.length === 0) return tasks;
  }
}

/** What makes a task the same task in every run: its measure, kind, unit and division (ids are random). */
function identityOf(task: TaskSummary): string {
  return `${task.measure.path}|${task.kind}|${task.unitCode}|${task.division ?? ''}`;
}

/** One simulated day: the clock moves through the morning, the working day and the evening; the workers deliver what comes due. */
export class Simulation {
  constructor(
    private readonly env: DemoEnvironment,
    private readonly client: DemoClient,
    private readonly calendar: WorkingCalendar,
    readonly state: SimulationState,
  ) {}

  async day(date: string): Promise<void> {
    await this.moveTo(atShanghaiTime(date, '02:00'));
    await this.env.queue(QUEUES.reports).add('reports.schedule', {});
    if (this.calendar.isWorkingDay(date)) {
      await this.moveTo(atShanghaiTime(date, '09:00'));
      await this.work(date);
    }
    await this.moveTo(atShanghaiTime(date, '18:05'));
    await waitForIdle(this.env.queue(QUEUES.reports), 120_000);
  }

  /** Moves the clock and lets the workers deliver every step due by then. */
  private async moveTo(moment: Date): Promise<void> {
    this.env.clock.set(moment);
    await promoteDueSteps(this.env.queue(QUEUES.steps), this.env.dataSource, moment);
    await waitForIdle(this.env.queue(QUEUES.steps), 60_000);
  }

  private async work(today: string): Promise<void> {
    // The API breaks ties between equal deadlines by task id, which is random: the simulation takes the
    // tasks in the order of their stable identity, so the same tasks are split, returned and extended every run.
    const tasks = (await allTasks(this.client, this.state.documentId)).sort((a, b) =>
      identityOf(a) < identityOf(b) ? -1 : identityOf(a) > identityOf(b) ? 1 : 0,
    );
    for (const task of tasks) this.remember(task, today);
    await this.reviewProgress(today);
    for (const task of tasks) await this.act(task, tasks, today);
  }

  private remember(task: TaskSummary, today: string): void {
    const entry = this.state.ledger.get(task.id);
    if (entry) return;
    this.state.ledger.set(task.id, {
      persona: personaOf(identityOf(task)),
      firstSeen: today,
      approvedAt: null,
      deadlines: [{ deadline: task.deadline, from: this.env.clock.now() }],
      submittedOn: null,
      returned: false,
    });
  }

  private async act(task: TaskSummary, tasks: TaskSummary[], today: string): Promise<void> {
    const entry = this.state.ledger.get(task.id)!;
    const { persona } = entry;
    const holder = WORKFLOW_USERS.holderOf(task);
    const action = (user: string, name: string, body: object = {}) =>
      this.client.post<TaskSummary>(user, `/tasks/${task.id}/actions/${name}`, body);
    if (task.state === 'assigned') {
      if (persona.ack !== 'never' && today >= this.calendar.addWorkingDays(entry.firstSeen, ACK_DELAY[persona.ack]))
        await action(holder, 'acknowledge');
      return;
    }
    if (task.state === 'submitted') return this.review(task, entry, today);
    if (task.state !== 'acknowledged' && task.state !== 'in_progress') return;
    if (await this.split(task)) return;
    // Reporting moves the task on (acknowledged → in progress): the rest waits for the next day's view of it.
    if (REPORT_DAYS[today] && persona.reportsProgress && (await this.reportProgress(task, REPORT_DAYS[today], today)))
      return;
    if (await this.askForMoreTime(task, entry, today)) return;
    await this.finish(task, tasks, entry, today);
  }

  /** The first lead units split their measure to two cities, once they have acknowledged it. */
  private async split(task: TaskSummary): Promise<boolean> {
    if (
      task.kind !== 'lead' ||
      this.state.splitDone.has(task.id) ||
      this.state.splitDone.size >= SPLIT_MEASURES ||
      task.deadline < SUBTASK_DEADLINE
    )
      return false;
    this.state.splitDone.add(task.id);
    const subtasks = SPLIT_CITIES.map((unitCode) => ({
      unitCode,
      title: `${task.title}（${unitCode === 'sx-city-taiyuan' ? '太原市' : '大同市'}）`,
      deadline: SUBTASK_DEADLINE,
    }));
    await this.client.post(WORKFLOW_USERS.holderOf(task), `/tasks/${task.id}/subtasks`, { subtasks });
    return true;
  }

  private async reportProgress(task: TaskSummary, quarter: string, today: string): Promise<boolean> {
    const key = `${task.id}:${quarter}`;
    if (this.state.reported.has(key)) return false;
    this.state.reported.add(key);
    const measure = this.state.measures.get(task.measure.id);
    const target = task.kind === 'lead' ? measure?.targets[0] : undefined;
    const goal = target ? (target.value ?? target.min) : null;
    const targetActuals = goal
      ? [{ targetIndex: 0, actual: Math.max(1, Math.round(goal * (quarter === '2022Q2' ? 0.3 : 0.6))) }]
      : [];
    const percentDone = quarter === '2022Q2' ? 30 : 60;
    const report = await this.client.post<{ id: string }>(
      WORKFLOW_USERS.holderOf(task),
      `/tasks/${task.id}/progress-reports`,
      {
        quarter,
        text: `${task.unitName}按计划推进“${task.title}”，本季度完成阶段性任务，累计完成约${percentDone}%。`,
        percentDone,
        targetActuals,
      },
    );
    this.state.pendingReviews.set(report.id, {
      taskId: task.id,
      reviewer: WORKFLOW_USERS.reviewerOf(task),
      submittedOn: today,
    });
    return true;
  }

  private async reviewProgress(today: string): Promise<void> {
    for (const [reportId, review] of this.state.pendingReviews) {
      if (review.submittedOn >= today) continue;
      await this.client.post(review.reviewer, `/tasks/${review.taskId}/progress-reports/${reportId}/review`, {
        decision: 'approve',
      });
      this.state.pendingReviews.delete(reportId);
    }
  }

  /** One lead unit that would finish late asks for more time instead, and the supervisor agrees the next day. */
  private async askForMoreTime(task: TaskSummary, entry: LedgerEntry, today: string): Promise<boolean> {
    if (
      this.state.extensionTaskId === null &&
      task.kind === 'lead' &&
      entry.persona.finish === 'late' &&
      task.deadline === '2022-08-31' &&
      today >= '2022-08-22'
    ) {
      this.state.extensionTaskId = task.id;
      await this.client.post(WORKFLOW_USERS.holderOf(task), `/tasks/${task.id}/actions/request_extension`, {
        until: '2022-09-16',
        reason: '受汛期影响，现场工作顺延',
      });
      return true;
    }
    if (task.id !== this.state.extensionTaskId || !task.extensionRequestedUntil) return false;
    const extended = await this.client.post<TaskSummary>(
      WORKFLOW_USERS.reviewerOf(task),
      `/tasks/${task.id}/actions/approve_extension`,
    );
    entry.deadlines.push({ deadline: extended.deadline, from: this.env.clock.now() });
    entry.persona = { ...entry.persona, finish: 'on_time' };
    return true;
  }

  private async finish(task: TaskSummary, tasks: TaskSummary[], entry: LedgerEntry, today: string): Promise<void> {
    if (
      entry.persona.finish === 'never' ||
      today < this.calendar.addWorkingDays(task.deadline, -SUBMIT_OFFSET[entry.persona.finish])
    )
      return;
    const openChildren = tasks.some(
      (other) => other.parentTaskId === task.id && other.state !== 'approved' && other.state !== 'cancelled',
    );
    if (openChildren) return;
    const holder = WORKFLOW_USERS.holderOf(task);
    if (task.state === 'acknowledged') await this.client.post(holder, `/tasks/${task.id}/actions/start`);
    await this.client.post(holder, `/tasks/${task.id}/actions/submit`);
    entry.submittedOn = today;
  }

  /** The assigning side reviews a submission the working day after; one is sent back once. */
  private async review(task: TaskSummary, entry: LedgerEntry, today: string): Promise<void> {
    if (!entry.submittedOn) entry.submittedOn = today;
    if (entry.submittedOn >= today) return;
    const reviewer = WORKFLOW_USERS.reviewerOf(task);
    if (this.state.returnedTaskId === null && task.kind === 'co') {
      this.state.returnedTaskId = task.id;
      entry.returned = true;
      entry.submittedOn = null;
      await this.client.post(reviewer, `/tasks/${task.id}/actions/return`, { reason: '请补充佐证材料' });
      return;
    }
    await this.client.post(reviewer, `/tasks/${task.id}/actions/approve`);
    entry.approvedAt = this.env.clock.now();
  }
}

/** Every date from the start to the end, inclusive. */
export function* datesBetween(start: string, end: string = DEMO_END): Generator<string> {
  for (let date = start; date <= end; date = addCalendarDays(date, 1)) yield date;
}
