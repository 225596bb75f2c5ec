import { assessUnit, DEFAULT_ASSESSMENT_WEIGHTS } from '../../figures/assessment';
import { OverdueItem, ReportFigures, TaskCounts, UnitFigures } from '../../figures/report-figures';

type CountsWithoutRates = Omit<TaskCounts, 'completionRate' | 'onTimeRate' | 'due' | 'dueCompletionRate'>;

/**
 * Builds task counts with rates worked out as the figures module does: null without a denominator.
 * Work come due is the completed and the overdue tasks unless given.
 */
export function counts(partial: CountsWithoutRates & { due?: number }): TaskCounts {
  const due = partial.due ?? partial.completed + partial.overdue;
  return {
    ...partial,
    completionRate: partial.tasks === 0 ? null : partial.completed / partial.tasks,
    onTimeRate: partial.completed === 0 ? null : partial.completedOnTime / partial.completed,
    due,
    dueCompletionRate: due === 0 ? null : partial.completed / due,
  };
}

export function unitFigures(
  unitCode: string,
  unitName: string,
  rank: number | null,
  tasks: TaskCounts,
  placing: Partial<Pick<UnitFigures, 'rankingGroup' | 'rankedInGroup' | 'fewDueTasks' | 'supervised' | 'flagged'>> = {},
): UnitFigures {
  const unit = {
    unitCode,
    unitName,
    asLead: tasks.tasks,
    asCo: 0,
    asSubtask: 0,
    rank,
    rankingGroup: 'provincial' as const,
    rankedInGroup: 3,
    fewDueTasks: false,
    supervised: 0,
    flagged: 0,
    ...placing,
    ...tasks,
  };
  return { ...unit, assessment: assessUnit(unit, DEFAULT_ASSESSMENT_WEIGHTS) };
}

export function overdueItem(index: number, overrides: Partial<OverdueItem> = {}): OverdueItem {
  return {
    measurePath: `2.${index}`,
    measureTitle: `第${index}项逾期措施`,
    section: '二、提升公共文化服务水平',
    taskId: `task-overdue-${index}`,
    taskKind: 'lead',
    unitCode: 'U03',
    unitName: '省交通运输厅',
    deadline: '2022-08-31',
    workingDaysOverdue: 21,
    escalationLevel: 1,
    ...overrides,
  };
}

const FIRST_SECTION = '一、推动文旅产业高质量发展';
const SECOND_SECTION = '二、提升公共文化服务水平';

/** A small but complete quarter: three units, two sections, one of everything the renderers show. */
export function sampleFigures(): ReportFigures {
  return {
    schema: 'supervision-report/1',
    document: {
      id: 'doc-1',
      title: '关于推动文化旅游高质量发展的若干措施',
      docNumber: '晋政办发〔2022〕15号',
      issuer: '省政府办公厅',
    },
    quarter: '2022Q3',
    quarterStart: '2022-07-01',
    quarterEnd: '2022-09-30',
    asOf: '2022-09-30T10:00:00.000Z',
    asOfDate: '2022-09-30',
    issuingBody: '省委督查室',
    bulletin: {
      masthead: '督查通报',
      issueNumber: 3,
      issuingOffice: '省委督查室',
      mainRecipients: '各市人民政府，省直各有关单位',
      copyTo: '省委办公厅，省政府办公厅',
      signatory: '省委督查室',
      printingOffice: '省委督查室秘书处',
      issueDate: '2022-10-08',
      reportBackWorkingDays: 10,
      reportBackDate: '2022-10-24',
      escalationRules: [
        { afterWorkingDaysOverdue: 5, level: 1 },
        { afterWorkingDaysOverdue: 15, level: 2 },
      ],
    },
    scope: null,
    overall: {
      measures: 12,
      launchedMeasures: 10,
      closedMeasures: 3,
      ...counts({
        tasks: 20,
        acknowledged: 19,
        completed: 8,
        completedOnTime: 6,
        overdue: 2,
        lateAcknowledgements: 1,
        missingReports: 3,
        cancelled: 1,
      }),
    },
    previousQuarter: {
      quarter: '2022Q2',
      overall: {
        measures: 12,
        launchedMeasures: 8,
        closedMeasures: 1,
        ...counts({
          tasks: 20,
          acknowledged: 15,
          completed: 6,
          completedOnTime: 5,
          overdue: 4,
          lateAcknowledgements: 1,
          missingReports: 5,
          cancelled: 0,
        }),
      },
    },
    assessmentWeights: { ...DEFAULT_ASSESSMENT_WEIGHTS },
    units: [
      unitFigures(
        'U01',
        '省文化和旅游厅',
        1,
        counts({
          tasks: 9,
          acknowledged: 9,
          completed: 6,
          completedOnTime: 5,
          overdue: 0,
          lateAcknowledgements: 0,
          missingReports: 1,
          cancelled: 0,
        }),
      ),
      {
        ...unitFigures(
          'U02',
          '省发展和改革委员会',
          2,
          counts({
            tasks: 6,
            acknowledged: 6,
            completed: 2,
            completedOnTime: 1,
            overdue: 1,
            lateAcknowledgements: 1,
            missingReports: 1,
            cancelled: 1,
          }),
          { supervised: 1 },
        ),
        asLead: 3,
        asCo: 2,
        asSubtask: 1,
      },
      unitFigures(
        'U03',
        '省交通运输厅',
        3,
        counts({
          tasks: 5,
          acknowledged: 4,
          completed: 0,
          completedOnTime: 0,
          overdue: 1,
          lateAcknowledgements: 0,
          missingReports: 1,
          cancelled: 0,
        }),
        { flagged: 1 },
      ),
    ],
    sections: [
      {
        title: FIRST_SECTION,
        measures: 7,
        ...counts({
          tasks: 12,
          acknowledged: 12,
          completed: 6,
          completedOnTime: 5,
          overdue: 1,
          lateAcknowledgements: 1,
          missingReports: 1,
          cancelled: 1,
        }),
      },
      {
        title: SECOND_SECTION,
        measures: 5,
        ...counts({
          tasks: 8,
          acknowledged: 7,
          completed: 2,
          completedOnTime: 1,
          overdue: 1,
          lateAcknowledgements: 0,
          missingReports: 2,
          cancelled: 0,
        }),
      },
    ],
    overdue: [
      overdueItem(1, {
        measurePath: '1.3',
        measureTitle: '建设一批文旅康养示范基地',
        section: FIRST_SECTION,
        taskKind: 'co',
        unitCode: 'U02',
        unitName: '省发展和改革委员会',
        deadline: '2022-09-15',
        workingDaysOverdue: 11,
        escalationLevel: 1,
      }),
      overdueItem(2, {
        measurePath: '2.1',
        measureTitle: '完善旅游公路服务设施',
        workingDaysOverdue: 21,
        escalationLevel: 2,
      }),
    ],
    atRisk: [
      {
        measurePath: '1.5',
        measureTitle: '培育夜间文旅消费集聚区',
        taskId: 'task-risk-1',
        unitCode: 'U01',
        unitName: '省文化和旅游厅',
        deadline: '2022-10-14',
        workingDaysLeft: 5,
      },
    ],
    indicators: [
      {
        measurePath: '1.3',
        measureTitle: '建设一批文旅康养示范基地',
        section: FIRST_SECTION,
        target: '新建森林康养基地50个',
        targetValue: 50,
        measureUnit: '个',
        actual: 30,
        actualQuarter: '2022Q2',
        shareReached: 0.6,
      },
      {
        measurePath: '2.4',
        measureTitle: '扩大公共文化设施覆盖',
        section: SECOND_SECTION,
        target: '新建城市书房100个以上',
        targetValue: 100,
        measureUnit: '个',
        actual: null,
        actualQuarter: null,
        shareReached: null,
      },
    ],
    excerpts: [
      {
        section: FIRST_SECTION,
        measurePath: '1.3',
        measureTitle: '建设一批文旅康养示范基地',
        unitCode: 'U01',
        unitName: '省文化和旅游厅',
        reportQuarter: '2022Q2',
        percentDone: 60,
        text: '已完成首批30个森林康养基地的评定，第二批评定工作正在推进。',
        approvedAt: '2022-07-08T02:30:00.000Z',
      },
      {
        section: SECOND_SECTION,
        measurePath: '2.4',
        measureTitle: '扩大公共文化设施覆盖',
        unitCode: 'U03',
        unitName: '省交通运输厅',
        reportQuarter: '2022Q3',
        percentDone: 20,
        text: '已在高速公路服务区布设城市书房选址方案。'.repeat(30),
        approvedAt: '2022-09-28T08:00:00.000Z',
      },
    ],
    notLaunched: [
      {
        measurePath: '2.6',
        measureTitle: '推进博物馆夜间开放',
        section: SECOND_SECTION,
        reason: '尚未明确责任单位',
      },
    ],
  };
}
