import { WeekdayCalendar } from '@app/calendar';
import { DEFAULT_LADDER } from '@app/scheduling';
import { defaultBulletinSettings } from '../bulletin-settings.service';
import { DEFAULT_ASSESSMENT_WEIGHTS } from './assessment';
import { computeReport, quarterEndMoment } from './compute-report';
import type { MeasureInput, ReportInputs } from './report-inputs';
import type { HistoryEvent } from './task-history';

const at = (text: string) => new Date(`${text}+08:00`);
const Q3 = { year: 2022, quarter: 3 } as const;

function measure(id: string, position: number, section: string, extra: Partial<MeasureInput> = {}): MeasureInput {
  return {
    id,
    path: `${position}`,
    position,
    title: `措施${id}`,
    sectionTitles: [section],
    targets: [],
    needsAssignment: false,
    existsFrom: at('2022-01-10T09:00:00'),
    removedFrom: null,
    ...extra,
  };
}

/** Builds a workflow's events in order; each call appends one event. */
function history(workflowId: string) {
  const events: HistoryEvent[] = [];
  const add = (
    taskId: string,
    action: string,
    toState: string | null,
    when: string,
    payload: Record<string, unknown> = {},
  ) => {
    events.push({ taskId, workflowId, seq: events.length + 1, action, toState, payload, occurredAt: at(when) });
  };
  const launch = (
    taskId: string,
    kind: string,
    unitCode: string,
    when: string,
    deadline: string,
    ackDeadline: string,
  ) => add(taskId, 'launch', 'assigned', when, { kind, unitCode, deadline, ackDeadline });
  return { events, add, launch };
}

function scenario(): ReportInputs {
  // Measure A: lead done on time, co done late; measure B: lead overdue and escalated, co never acknowledged.
  const a = history('wf-a');
  a.launch('a-lead', 'lead', 'u-lead', '2022-04-01T09:00:00', '2022-08-31', '2022-04-06');
  a.launch('a-co', 'co', 'u-co', '2022-04-01T09:00:00', '2022-08-31', '2022-04-06');
  a.add('a-lead', 'acknowledge', 'acknowledged', '2022-04-02T10:00:00');
  a.add('a-co', 'acknowledge', 'acknowledged', '2022-04-08T10:00:00');
  a.add('a-co', 'report_progress', 'in_progress', '2022-07-05T10:00:00', { quarter: '2022Q2' });
  a.add('a-lead', 'report_progress', 'in_progress', '2022-07-05T10:00:00', { quarter: '2022Q2' });
  a.add('a-lead', 'submit', 'submitted', '2022-08-30T10:00:00');
  a.add('a-lead', 'approve', 'approved', '2022-09-02T10:00:00');
  a.add('a-co', 'submit', 'submitted', '2022-09-05T10:00:00');
  a.add('a-co', 'approve', 'approved', '2022-09-06T10:00:00');
  a.add('a-lead', 'close_measure', 'closed', '2022-09-07T10:00:00');
  const b = history('wf-b');
  b.launch('b-lead', 'lead', 'u-lead', '2022-04-01T09:00:00', '2022-08-31', '2022-04-06');
  b.launch('b-co', 'co', 'u-co', '2022-04-01T09:00:00', '2022-08-31', '2022-04-06');
  b.add('b-lead', 'acknowledge', 'acknowledged', '2022-04-02T10:00:00');
  // Events after the quarter's end must not count.
  b.add('b-lead', 'submit', 'submitted', '2022-10-10T10:00:00');
  b.add('b-co', 'acknowledge', 'acknowledged', '2022-10-10T10:00:00');
  return {
    document: { id: 'doc', title: '测试行动计划', docNumber: null, issuer: null },
    issuingBody: '省委督查室',
    bulletinSettings: { ...defaultBulletinSettings('省委督查室'), copyTo: '省委办公厅', reportBackWorkingDays: 10 },
    quarter: Q3,
    asOf: quarterEndMoment(Q3),
    scopeUnitCode: null,
    unitNames: new Map([
      ['u-lead', '牵头单位'],
      ['u-co', '配合单位'],
    ]),
    unitGroups: new Map([
      ['u-lead', 'provincial'],
      ['u-co', 'provincial'],
    ]),
    minDueTasksForRanking: 3,
    assessmentWeights: DEFAULT_ASSESSMENT_WEIGHTS,
    measures: [
      measure('A', 1, '一、第一部分', {
        targets: [
          { text: '建设50个', comparator: 'gte', value: 50, min: null, max: null, unit: '个', subject: '基地' },
        ],
      }),
      measure('B', 2, '二、第二部分'),
      measure('C', 3, '二、第二部分', { needsAssignment: true }),
    ],
    workflows: [
      { id: 'wf-a', measureId: 'A', launchedAt: at('2022-04-01T09:00:00') },
      { id: 'wf-b', measureId: 'B', launchedAt: at('2022-04-01T09:00:00') },
    ],
    events: [...a.events, ...b.events],
    escalations: [
      { taskId: 'b-lead', level: 1, deliveredAt: at('2022-09-08T08:30:00') },
      { taskId: 'b-lead', level: 2, deliveredAt: at('2022-10-01T08:30:00') },
    ],
    approvedReports: [
      {
        taskId: 'a-lead',
        quarter: '2022Q2',
        percentDone: 60,
        text: '已建成30个基地',
        targetActuals: [{ targetIndex: 0, actual: 30 }],
        approvedAt: at('2022-07-08T10:00:00'),
      },
    ],
    ladder: DEFAULT_LADDER,
    calendar: new WeekdayCalendar(),
  };
}

describe('computeReport', () => {
  const figures = computeReport(scenario());

  it('dates the bulletin on the first working day after its cut-off, numbers it by quarters since the first launch, and carries the document’s texts', () => {
    // Friday 30 September (a weekday calendar here): issued Monday 3 October, reports back 10 working days later.
    expect(figures.bulletin).toEqual({
      masthead: '督查通报',
      issueNumber: 2,
      issuingOffice: '省委督查室',
      mainRecipients: '各责任单位',
      copyTo: '省委办公厅',
      signatory: '省委督查室',
      printingOffice: '省委督查室',
      issueDate: '2022-10-03',
      reportBackWorkingDays: 10,
      reportBackDate: '2022-10-17',
      escalationRules: [
        { afterWorkingDaysOverdue: 5, level: 1 },
        { afterWorkingDaysOverdue: 15, level: 2 },
      ],
    });
    const nextYear = computeReport({
      ...scenario(),
      quarter: { year: 2023, quarter: 1 },
      asOf: quarterEndMoment({ year: 2023, quarter: 1 }),
    });
    expect(nextYear.bulletin.issueNumber).toBe(4);
  });

  it('counts the document as it stood at the quarter end, ignoring later events', () => {
    expect(figures.asOfDate).toBe('2022-09-30');
    expect(figures.overall).toEqual({
      measures: 3,
      launchedMeasures: 2,
      closedMeasures: 1,
      tasks: 4,
      acknowledged: 3,
      completed: 2,
      completedOnTime: 1,
      overdue: 2,
      lateAcknowledgements: 2,
      missingReports: 2,
      cancelled: 0,
      completionRate: 0.5,
      onTimeRate: 0.5,
      due: 4,
      dueCompletionRate: 0.5,
    });
  });

  it('compares with the previous quarter as of its own end', () => {
    expect(figures.previousQuarter.quarter).toBe('2022Q2');
    expect(figures.previousQuarter.overall).toMatchObject({
      tasks: 4,
      acknowledged: 3,
      completed: 0,
      overdue: 0,
      lateAcknowledgements: 2,
      completionRate: 0,
    });
  });

  it('ranks units by completion rate on work come due, then on-time rate', () => {
    expect(
      figures.units.map((unit) => [unit.rank, unit.unitCode, unit.asLead, unit.asCo, unit.completed, unit.overdue]),
    ).toEqual([
      [1, 'u-lead', 2, 0, 1, 1],
      [2, 'u-co', 0, 2, 1, 1],
    ]);
    // Two tasks come due each, fewer than the minimum of 3: ranked, and marked.
    expect(figures.units.map((unit) => [unit.due, unit.dueCompletionRate, unit.fewDueTasks])).toEqual([
      [2, 0.5, true],
      [2, 0.5, true],
    ]);
    expect(figures.units.find((unit) => unit.unitCode === 'u-lead')).toMatchObject({
      completedOnTime: 1,
      onTimeRate: 1,
      lateAcknowledgements: 0,
    });
    expect(figures.units.find((unit) => unit.unitCode === 'u-co')).toMatchObject({
      completedOnTime: 0,
      onTimeRate: 0,
      lateAcknowledgements: 2,
    });
  });

  it('scores each unit for the quarter by the documented formula (考核), by hand', () => {
    // u-lead: 2 due, 1 on time (r = 0.5); b-lead unreported for 2022Q2 and escalated to 督办 by 30 September
    // (its 挂牌督办 came on 1 October, after the moment): 40 + 60 × 0.5 − 3 − 5 = 62.
    // u-co: 2 due, none on time (r = 0); both acknowledged late, b-co unreported: 40 + 0 − 2 × 2 − 3 = 33.
    expect(
      figures.units.map((unit) => [
        unit.unitCode,
        unit.supervised,
        unit.flagged,
        unit.assessment.onTimeShare,
        unit.assessment.completionPoints,
        unit.assessment.deductions,
        unit.assessment.score,
      ]),
    ).toEqual([
      ['u-lead', 1, 0, 0.5, 70, { lateAcknowledgement: 0, missingReport: 3, supervised: 5, flagged: 0 }, 62],
      ['u-co', 0, 0, 0, 40, { lateAcknowledgement: 4, missingReport: 3, supervised: 0, flagged: 0 }, 33],
    ]);
    expect(figures.assessmentWeights).toEqual(DEFAULT_ASSESSMENT_WEIGHTS);
  });

  it('scores with the weights configured, counts 挂牌督办 once escalated by the moment, and never below 0', () => {
    const weights = { onTime: 80, lateAcknowledgement: 0, missingReport: 0, supervised: 0, flagged: 0 };
    const reweighted = computeReport({ ...scenario(), assessmentWeights: weights });
    // 20 + 80 × 0.5 = 60; 20 + 80 × 0 = 20.
    expect(reweighted.units.map((unit) => unit.assessment.score)).toEqual([60, 20]);
    // As of 1 October 12:00 b-lead is at 挂牌督办: flagged, no longer counted as 督办.
    const later = computeReport({ ...scenario(), asOf: at('2022-10-01T12:00:00') });
    const lead = later.units.find((unit) => unit.unitCode === 'u-lead')!;
    expect([lead.supervised, lead.flagged, lead.assessment.deductions.flagged, lead.assessment.score]).toEqual([
      0, 1, 10, 57,
    ]);
    const harsh = computeReport({ ...scenario(), assessmentWeights: { ...weights, lateAcknowledgement: 50 } });
    expect(harsh.units.find((unit) => unit.unitCode === 'u-co')!.assessment.score).toBe(0);
  });

  it('lists overdue tasks with working days overdue and the escalation level reached by then', () => {
    expect(
      figures.overdue.map((item) => [item.taskId, item.deadline, item.workingDaysOverdue, item.escalationLevel]),
    ).toEqual([
      ['b-co', '2022-08-31', 22, 0],
      ['b-lead', '2022-08-31', 22, 1],
    ]);
  });

  it('gives per-section figures in the document order', () => {
    expect(
      figures.sections.map((section) => [
        section.title,
        section.measures,
        section.tasks,
        section.completed,
        section.overdue,
      ]),
    ).toEqual([
      ['一、第一部分', 1, 2, 2, 0],
      ['二、第二部分', 2, 2, 0, 2],
    ]);
  });

  it('reports indicators, excerpts of the quarter and unlaunched measures', () => {
    expect(figures.indicators).toEqual([
      expect.objectContaining({
        target: '建设50个',
        targetValue: 50,
        actual: 30,
        actualQuarter: '2022Q2',
        shareReached: 0.6,
      }),
    ]);
    expect(figures.excerpts).toEqual([
      expect.objectContaining({
        unitCode: 'u-lead',
        reportQuarter: '2022Q2',
        percentDone: 60,
        section: '一、第一部分',
      }),
    ]);
    expect(figures.notLaunched).toEqual([expect.objectContaining({ measurePath: '3', reason: '尚未明确责任单位' })]);
  });

  it('ranks in groups: provincial units, then cities; a unit with nothing due yet and the groups listed without rank are not ranked', () => {
    const inputs = scenario();
    const d = history('wf-d');
    d.launch('d-city', 'lead', 'u-city', '2022-04-01T09:00:00', '2022-08-31', '2022-04-06');
    d.launch('d-later', 'co', 'u-later', '2022-04-01T09:00:00', '2022-12-30', '2022-04-06');
    d.launch('d-court', 'co', 'u-court', '2022-04-01T09:00:00', '2022-08-31', '2022-04-06');
    d.add('d-city', 'acknowledge', 'acknowledged', '2022-04-02T10:00:00');
    d.add('d-city', 'submit', 'submitted', '2022-08-20T10:00:00');
    d.add('d-city', 'approve', 'approved', '2022-08-25T10:00:00');
    const grouped = computeReport({
      ...inputs,
      measures: [...inputs.measures, measure('D', 4, '二、第二部分')],
      workflows: [...inputs.workflows, { id: 'wf-d', measureId: 'D', launchedAt: at('2022-04-01T09:00:00') }],
      events: [...inputs.events, ...d.events],
      unitGroups: new Map([
        ...inputs.unitGroups,
        ['u-city', 'city'],
        ['u-later', 'provincial'],
        ['u-court', 'unranked'],
      ]),
    });
    expect(
      grouped.units.map((unit) => [
        unit.unitCode,
        unit.rankingGroup,
        unit.rank,
        unit.rankedInGroup,
        unit.due,
        unit.dueCompletionRate,
        unit.completionRate,
      ]),
    ).toEqual([
      ['u-lead', 'provincial', 1, 2, 2, 0.5, 0.5],
      ['u-co', 'provincial', 2, 2, 2, 0.5, 0.5],
      // Nothing due before 30 December: 暂无到期任务, not a 0 % beside late units.
      ['u-later', 'provincial', null, 2, 0, null, 0],
      ['u-city', 'city', 1, 1, 1, 1, 1],
      ['u-court', 'unranked', null, 0, 1, 0, 0],
    ]);
  });

  it('limits a unit-scoped report to that unit’s own tasks, with its place in the full ranking', () => {
    const scoped = computeReport({ ...scenario(), scopeUnitCode: 'u-co' });
    expect(scoped.scope).toEqual({
      unitCode: 'u-co',
      unitName: '配合单位',
      rankingGroup: 'provincial',
      groupAverage: { dueCompletionRate: 0.5, onTimeRate: 0.5 },
    });
    expect(scoped.units.map((unit) => [unit.unitCode, unit.rank, unit.rankedInGroup])).toEqual([['u-co', 2, 2]]);
    expect(scoped.overall).toMatchObject({ measures: 2, tasks: 2, completed: 1, overdue: 1 });
    expect(scoped.units.map((unit) => unit.unitCode)).toEqual(['u-co']);
    expect(scoped.overdue.map((item) => item.taskId)).toEqual(['b-co']);
    expect(scoped.excerpts).toEqual([]);
    expect(scoped.notLaunched).toEqual([]);
  });

  it('gives the same figures when regenerated after later events', () => {
    const later = scenario();
    later.events.push({
      taskId: 'b-co',
      workflowId: 'wf-b',
      seq: 99,
      action: 'submit',
      toState: 'submitted',
      payload: {},
      occurredAt: at('2022-11-01T09:00:00'),
    });
    expect(computeReport(later)).toEqual(figures);
  });
});
