import type { DataSource } from 'typeorm';
import type { ReportFigures } from '@app/reporting';
import type { LedgerEntry } from './simulation';

export interface DemoTotals {
  tasks: number;
  notices: number;
  reminders: number;
  overdueNotices: number;
  escalations: number;
  leadershipEscalations: number;
  approved: number;
  closedMeasures: number;
}

/** The running totals the timeline shows, read from the database. */
export async function totals(dataSource: DataSource): Promise<DemoTotals> {
  const [row] = await dataSource.query(`
    SELECT (SELECT count(*)::int FROM tasks) AS tasks,
           (SELECT count(*)::int FROM notices) AS notices,
           (SELECT count(*)::int FROM notices WHERE kind = 'reminder') AS reminders,
           (SELECT count(*)::int FROM notices WHERE kind = 'overdue') AS "overdueNotices",
           (SELECT count(*)::int FROM tasks WHERE escalation_level >= 1) AS escalations,
           (SELECT count(*)::int FROM tasks WHERE escalation_level >= 2) AS "leadershipEscalations",
           (SELECT count(*)::int FROM tasks WHERE state = 'approved') AS approved,
           (SELECT count(*)::int FROM workflows WHERE state = 'closed') AS "closedMeasures"`);
  return row;
}

/** What the engine must have done, from the simulation's own record: each broken promise is one line. */
export async function checkOutcome(
  dataSource: DataSource,
  ledger: ReadonlyMap<string, LedgerEntry>,
  figures: ReportFigures,
  now: Date,
): Promise<string[]> {
  const failures: string[] = [];
  const expect = (ok: boolean, message: string) => (ok ? undefined : failures.push(message));
  const [facts] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM notices WHERE kind = 'escalation') AS escalations,
            (SELECT count(*)::int FROM tasks WHERE escalation_level = 2) AS "levelTwo",
            (SELECT count(*)::int - count(DISTINCT dedupe_key)::int FROM notices) AS "duplicateNotices",
            (SELECT count(*)::int FROM (SELECT step_id, unit_code FROM notices WHERE step_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) twice) AS "stepsSentTwice",
            (SELECT count(*)::int FROM scheduled_steps s WHERE s.state = 'delivered' AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.step_id = s.id)) AS "deliveredWithoutNotice",
            (SELECT count(*)::int FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1) AS "dueStillPending",
            (SELECT count(*)::int FROM task_events WHERE action = 'approve_extension') AS extensions,
            (SELECT count(*)::int FROM task_events WHERE action = 'return') AS returns,
            (SELECT count(*)::int FROM workflows WHERE state = 'closed') AS closed,
            (SELECT count(*)::int FROM reports WHERE origin = 'scheduled' AND state = 'done') AS "scheduledReports"`,
    [now],
  );
  expect(facts.escalations > 0, '没有发出任何督办通知');
  expect(facts.levelTwo > 0, '没有任务达到挂牌督办');
  expect(
    facts.duplicateNotices === 0 && facts.stepsSentTwice === 0,
    `有 ${facts.duplicateNotices + facts.stepsSentTwice} 条通知重复发送`,
  );
  expect(facts.deliveredWithoutNotice === 0, `${facts.deliveredWithoutNotice} 个已送达的提醒步骤没有通知`);
  expect(facts.dueStillPending === 0, `${facts.dueStillPending} 个已到期的提醒步骤未送达`);
  expect(facts.extensions > 0, '没有批准任何延期申请');
  expect(facts.returns > 0, '没有退回任何办结报告');
  expect(facts.closed > 0, '没有任何措施销号');
  expect(facts.scheduledReports > 0, '季度结束后的第一个工作日没有自动生成季度通报');

  const asOf = new Date(figures.asOf);
  const entries = [...ledger.values()].filter((entry) => entry.firstSeen <= figures.asOfDate);
  const deadlineAt = (entry: LedgerEntry) => entry.deadlines.filter((change) => change.from <= asOf).at(-1)!.deadline;
  const completed = entries.filter((entry) => entry.approvedAt && entry.approvedAt <= asOf).length;
  const overdue = entries.filter(
    (entry) => !(entry.approvedAt && entry.approvedAt <= asOf) && deadlineAt(entry) < figures.asOfDate,
  ).length;
  expect(figures.overall.tasks === entries.length, `通报任务数 ${figures.overall.tasks}，模拟记录 ${entries.length}`);
  expect(figures.overall.completed === completed, `通报已完成 ${figures.overall.completed}，模拟记录 ${completed}`);
  expect(figures.overall.overdue === overdue, `通报逾期 ${figures.overall.overdue}，模拟记录 ${overdue}`);
  expect(figures.overdue.length === overdue, `逾期清单 ${figures.overdue.length} 项，模拟记录 ${overdue}`);
  return failures;
}
