import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { DataSource } from 'typeorm';
import { ReportGenerator, type ReportFigures } from '@app/reporting';
import { QUEUES, ReportJobOptions } from '@app/queues';
import { runDueSteps, waitForIdle } from '../support/queue-helpers';
import { startTestApi, type TestApi } from '../support/api';
import { until } from '../support/until';

/** Shanghai wall-clock time as an instant. */
const at = (text: string) => new Date(`${text}+08:00`);

const CULTURE = 'sx-culture-tourism';
const FORESTRY = 'sx-forestry-grassland';
const HR = 'sx-human-resources-social-security';
const EDUCATION = 'sx-education';

/**
 * A quarter with known numbers, played through the API with real workers: measure 二.(一).1 is
 * finished (its co-task on time, its lead task late, both reporting Q2 progress); measure 三.(四).2
 * is overdue, escalated twice, never reported on, and its co-task never acknowledged.
 */
describe('quarterly report (季度通报): figures, Word, Excel and JSON', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let documentId: string;
  const task: Record<string, string> = {};

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body: object = {}) =>
      api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  });
  const act = (user: string, taskId: string, action: string, body: object = {}) =>
    as(user).post(`/tasks/${taskId}/actions/${action}`, body).expect(200);
  const dataSource = () => api.app.get(DataSource);

  async function reportWhenDone(id: string): Promise<Record<string, unknown>> {
    await waitForIdle(api.queue(QUEUES.reports), 60_000);
    return (await as('supervisor').get(`/reports/${id}`).expect(200)).body;
  }

  async function download(user: string, id: string, format: string): Promise<Buffer> {
    const response = await as(user)
      .get(`/reports/${id}/files/${format}`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return response.body as Buffer;
  }

  beforeAll(async () => {
    api = await startTestApi(at('2022-06-01T10:00:00'), {
      workers: true,
      reportJobs: Object.assign(new ReportJobOptions(), { attempts: 2, backoff: { type: 'fixed', delay: 200 } }),
    });
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['leadership', 'sx-government', 'leadership'],
      ['culture', CULTURE, 'leader'],
      ['forestry', FORESTRY, 'leader'],
      ['hr', HR, 'leader'],
      ['education', EDUCATION, 'leader'],
    ]);
    ({ documentId } = await api.launchSeedMeasure('二.(一).1', '2022-08-31', tokens.supervisor));
    await api.launchSeedMeasure('三.(四).2', '2022-08-31', tokens.supervisor);
    const rows: { id: string; unit: string }[] = await dataSource().query(`SELECT id, unit_code AS unit FROM tasks`);
    for (const row of rows) task[row.unit] = row.id;

    api.clock.set(at('2022-06-02T10:00:00'));
    await act('culture', task[CULTURE], 'acknowledge');
    await act('hr', task[HR], 'acknowledge');
    api.clock.set(at('2022-06-10T10:00:00')); // after the acknowledgement deadline (2022-06-07)
    await act('forestry', task[FORESTRY], 'acknowledge');

    api.clock.set(at('2022-07-05T10:00:00'));
    await as('culture')
      .post(`/tasks/${task[CULTURE]}/progress-reports`, {
        quarter: '2022Q2',
        text: '新创建国家5A级旅游景区1家，正在推进第二家评定。',
        percentDone: 40,
        targetActuals: [{ targetIndex: 0, actual: 1 }],
      })
      .expect(201);
    await as('forestry')
      .post(`/tasks/${task[FORESTRY]}/progress-reports`, {
        quarter: '2022Q2',
        text: '配合完成森林景区资源普查。',
        percentDone: 50,
      })
      .expect(201);
    api.clock.set(at('2022-07-06T10:00:00'));
    for (const [reviewer, unit] of [
      ['supervisor', CULTURE],
      ['culture', FORESTRY],
    ]) {
      const [report]: { id: string }[] = await dataSource().query(
        `SELECT id FROM progress_reports WHERE task_id = $1`,
        [task[unit]],
      );
      await as(reviewer)
        .post(`/tasks/${task[unit]}/progress-reports/${report.id}/review`, { decision: 'approve' })
        .expect(200);
    }

    api.clock.set(at('2022-08-25T10:00:00'));
    await act('forestry', task[FORESTRY], 'submit');
    await act('culture', task[FORESTRY], 'approve');
    api.clock.set(at('2022-09-05T10:00:00')); // after the deadline
    await act('culture', task[CULTURE], 'submit');
    api.clock.set(at('2022-09-06T10:00:00'));
    await act('supervisor', task[CULTURE], 'approve');

    // The escalations of the overdue measure come due (督办 at 5, 挂牌督办 at 15 working days) and are delivered.
    api.clock.set(at('2022-09-30T12:00:00'));
    await runDueSteps(api.queue(QUEUES.steps), dataSource(), api.clock.now());

    // After the quarter: these must not change its figures.
    api.clock.set(at('2022-10-10T10:00:00'));
    await act('education', task[EDUCATION], 'acknowledge');
    await act('hr', task[HR], 'start');
  }, 120_000);

  afterAll(() => api.close());

  describe('the scheduled bulletin', () => {
    it('asks for nothing before the first working day after the quarter', async () => {
      api.clock.set(at('2022-10-07T02:00:00')); // National Day holiday
      await api.queue(QUEUES.reports).add('reports.schedule', {});
      await waitForIdle(api.queue(QUEUES.reports));
      expect(await dataSource().query(`SELECT id FROM reports`)).toEqual([]);
    });

    it('generates the quarter’s report on the first working day (a 调休 Saturday) and tells the supervisor, once', async () => {
      api.clock.set(at('2022-10-08T02:00:00'));
      for (let run = 0; run < 2; run += 1) {
        await api.queue(QUEUES.reports).add('reports.schedule', {});
        await waitForIdle(api.queue(QUEUES.reports), 60_000);
      }
      const reports: { id: string; origin: string; state: string; quarter: string }[] = await dataSource().query(
        `SELECT id, origin, state, quarter FROM reports`,
      );
      expect(reports).toEqual([expect.objectContaining({ origin: 'scheduled', state: 'done', quarter: '2022Q3' })]);
      const notices: { unit: string; title: string }[] = await dataSource().query(
        `SELECT unit_code AS unit, title FROM notices WHERE kind = 'report_ready'`,
      );
      expect(notices).toEqual([{ unit: 'sx-supervision-office', title: expect.stringContaining('2022Q3') }]);
    });
  });

  describe('the 台账', () => {
    const ledgerRows = async (user: string, query = '') => {
      const response = await as(user)
        .get(`/documents/${documentId}/ledger${query}`)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
      return workbook.getWorksheet('台账')!;
    };
    const summary = (sheet: ExcelJS.Worksheet) =>
      (sheet.getSheetValues().filter(Boolean) as ExcelJS.CellValue[][])
        .slice(1)
        .map((row) => [5, 6, 7, 8, 10, 11, 12, 13, 14].map((column) => row[column] ?? null));

    it('lists every task with its measure, units, deadline, state, last progress and escalation, as it stands now', async () => {
      api.clock.set(at('2022-10-10T11:00:00'));
      const sheet = await ledgerRows('supervisor');
      // 10 October: the overdue tasks (due 31 August) are 21 working days late at the end of September,
      // plus 8 and 9 October (调休) and the 10th: 24.
      expect(summary(sheet)).toEqual([
        [
          '省文旅厅',
          '牵头',
          '省文旅厅',
          '省林草局',
          '已审核通过',
          '2022Q2（完成40%）：新创建国家5A级旅游景区1家，正在推进第二家评定。',
          0,
          '无',
          CULTURE,
        ],
        [
          '省林草局',
          '配合',
          '省文旅厅',
          '省林草局',
          '已审核通过',
          '2022Q2（完成50%）：配合完成森林景区资源普查。',
          0,
          '无',
          FORESTRY,
        ],
        ['省人社厅', '牵头', '省人社厅', '省教育厅', '办理中', null, 24, '挂牌督办', HR],
        ['省教育厅', '配合', '省人社厅', '省教育厅', '已签收', null, 24, '挂牌督办', EDUCATION],
      ]);
      expect(sheet.getRow(2).getCell(9).value).toEqual(new Date('2022-08-31T00:00:00Z'));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    });

    it('gives a unit only its own tasks, one unit’s to the supervisor on asking, and refuses another unit’s', async () => {
      expect(summary(await ledgerRows('hr')).map((row) => row.at(-1))).toEqual([HR]);
      expect(summary(await ledgerRows('supervisor', `?unitCode=${EDUCATION}`)).map((row) => row.at(-1))).toEqual([
        EDUCATION,
      ]);
      const refused = await as('hr').get(`/documents/${documentId}/ledger?unitCode=${EDUCATION}`).expect(403);
      expect(refused.body).toMatchObject({ code: 'REPORT_SCOPE_FORBIDDEN', field: 'unitCode' });
      const empty = await ledgerRows('supervisor', '?unitCode=sx-finance');
      expect([empty.getRow(2).getCell(1).value, empty.rowCount]).toEqual(['无', 2]);
    });
  });

  describe('on demand', () => {
    let reportId: string;
    let figures: ReportFigures;

    beforeAll(async () => {
      api.clock.set(at('2022-10-10T11:00:00'));
      const response = await as('supervisor').post('/reports', { documentId, quarter: '2022Q3' }).expect(200);
      reportId = response.body.id;
      figures = JSON.parse((await download('supervisor', reportId, 'json')).toString('utf8'));
    });

    it('finds the report already made for the same document, quarter and moment instead of storing another', async () => {
      const [{ count }] = await dataSource().query(`SELECT count(*)::int AS count FROM reports`);
      expect(count).toBe(1);
      const status = await as('supervisor').get(`/reports/${reportId}`).expect(200);
      expect(status.body).toMatchObject({
        state: 'done',
        quarter: '2022Q3',
        files: { docx: `/reports/${reportId}/files/docx` },
      });
    });

    it('counts the quarter as it stood at its end', () => {
      expect(figures.asOfDate).toBe('2022-09-30');
      expect(figures.overall).toEqual({
        measures: 46,
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
      expect(figures.previousQuarter).toEqual({
        quarter: '2022Q2',
        overall: expect.objectContaining({
          tasks: 4,
          acknowledged: 3,
          completed: 0,
          overdue: 0,
          lateAcknowledgements: 2,
          missingReports: 0,
          completionRate: 0,
        }),
      });
    });

    it('ranks the units and lists the overdue work with its escalation level', () => {
      expect(
        figures.units.map((unit) => [
          unit.rank,
          unit.unitCode,
          unit.tasks,
          unit.completed,
          unit.completedOnTime,
          unit.overdue,
          unit.lateAcknowledgements,
          unit.missingReports,
        ]),
      ).toEqual([
        [1, FORESTRY, 1, 1, 1, 0, 1, 0],
        [2, CULTURE, 1, 1, 0, 0, 0, 0],
        [3, EDUCATION, 1, 0, 0, 1, 1, 1],
        [3, HR, 1, 0, 0, 1, 0, 1],
      ]);
      // All four are provincial departments, each with one task come due: ranked among four, marked as few.
      expect(figures.units.map((unit) => [unit.rankingGroup, unit.rankedInGroup, unit.due, unit.fewDueTasks])).toEqual(
        Array(4).fill(['provincial', 4, 1, true]),
      );
      // 考核 (default weights 60, 2, 3, 5, 10), by hand: 省林草局 on time, acknowledged late: 40 + 60 − 2 = 98;
      // 省文旅厅 late: 40; 省教育厅 overdue, never acknowledged, unreported, 挂牌督办: 40 − 2 − 3 − 10 = 25;
      // 省人社厅 overdue, unreported, 挂牌督办: 40 − 3 − 10 = 27.
      expect(figures.units.map((unit) => [unit.unitCode, unit.flagged, unit.assessment.score])).toEqual([
        [FORESTRY, 0, 98],
        [CULTURE, 0, 40],
        [EDUCATION, 1, 25],
        [HR, 1, 27],
      ]);
      // September 2022 has 21 working days (中秋节 on the 12th); both escalations were delivered by the 30th.
      expect(
        figures.overdue.map((item) => [
          item.unitCode,
          item.taskKind,
          item.deadline,
          item.workingDaysOverdue,
          item.escalationLevel,
        ]),
      ).toEqual([
        [EDUCATION, 'co', '2022-08-31', 21, 2],
        [HR, 'lead', '2022-08-31', 21, 2],
      ]);
    });

    it('gives sections, indicators, excerpts and the measures never launched', () => {
      expect(
        figures.sections.map((section) => [
          section.title,
          section.measures,
          section.tasks,
          section.completed,
          section.overdue,
        ]),
      ).toEqual([
        ['推动六个重点领域提档升级', 18, 2, 2, 0],
        ['实施五个补短板重点工程', 13, 2, 0, 2],
        ['强化营商环境和政策支持', 11, 0, 0, 0],
        ['加强组织实施', 4, 0, 0, 0],
      ]);
      expect(figures.indicators[0]).toMatchObject({
        measurePath: '二.(一).1',
        target: '新创建1-3家国家5A级旅游景区',
        targetValue: 1,
        actual: 1,
        actualQuarter: '2022Q2',
        shareReached: 1,
      });
      expect(figures.indicators.filter((indicator) => indicator.actual !== null)).toHaveLength(1);
      expect(figures.excerpts.map((excerpt) => [excerpt.unitCode, excerpt.reportQuarter, excerpt.percentDone])).toEqual(
        [
          [CULTURE, '2022Q2', 40],
          [FORESTRY, '2022Q2', 50],
        ],
      );
      expect(figures.notLaunched).toHaveLength(44);
    });

    it('writes the same figures into the Word document, as a 通报 in its order, with the completion chart', async () => {
      const docx = await download('leadership', reportId, 'docx');
      const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((name) =>
        /^word\/media\/.+\.png$/.test(name),
      );
      expect(media).toHaveLength(1);
      const { value: text } = await mammoth.extractRawText({ buffer: docx });
      // Issued on the first working day after 30 September 2022: Saturday 8 October (调休); the first
      // launch was in 2022Q2, so this is the second issue; units report back 10 working days later
      // (Sunday 9 October is a 调休 working day too: 9–14, 17–20 October).
      let from = 0;
      for (const piece of [
        '督查通报',
        '第2期',
        '山西省人民政府办公厅督查室\t2022年10月8日',
        '（数据截至2022年9月30日）',
        '各责任单位：',
        '为推动',
        '一、总体情况',
        '二、主要进展',
        '三、存在问题',
        '四、下一步工作要求',
        '附件：1．各单位任务完成情况',
        '2．逾期事项清单',
        '3．量化指标进展情况',
        '附件1',
        '附件2',
        '附件3',
        '山西省人民政府办公厅督查室\t2022年10月8日印发',
      ]) {
        const found = text.indexOf(piece, from);
        expect([piece, found >= 0]).toEqual([piece, true]);
        from = found + piece.length;
      }
      expect(text).toContain('50.0%');
      expect(text).toContain('省林草局');
      expect(text).toContain('挂牌督办');
      // One report per measure, the furthest along: the forestry bureau's 50 % over the culture department's 40 %.
      const progress = text.slice(text.indexOf('二、主要进展'), text.indexOf('三、存在问题'));
      expect(progress).toContain('【省林草局】');
      expect(progress).toContain('（2022年第二季度进展，完成 50%）：配合完成森林景区资源普查。');
      expect(progress).not.toContain('新创建国家5A级旅游景区1家');
      const problems = text.slice(text.indexOf('三、存在问题'), text.indexOf('四、下一步工作要求'));
      expect(problems).toContain(
        '省教育厅（1项，其中挂牌督办1项）、省人社厅（1项，其中挂牌督办1项）有逾期未完成任务，共2项',
      );
      expect(problems).toContain('省教育厅（1项）仍有任务未签收');
      expect(text).toContain('10个工作日内（2022年10月20日前）');
      const overdueTable = text.slice(text.indexOf('附件2'), text.indexOf('附件3'));
      expect(overdueTable).toContain('省人社厅');
      expect(overdueTable).toContain('省教育厅');
      expect(overdueTable).toContain('21');
    });

    it('writes the same figures into the Excel workbook, as numbers and dates', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download('supervisor', reportId, 'xlsx')) as unknown as ArrayBuffer);
      const unitsSheet = workbook.getWorksheet('各单位')!;
      const values = (sheet: ExcelJS.Worksheet) =>
        sheet
          .getSheetValues()
          .filter(Boolean)
          .map((row) => (row as ExcelJS.CellValue[]).slice(1));
      const unitRows = values(unitsSheet).slice(1);
      expect(unitRows.map((row) => [...row.slice(0, 3), row.at(-1)])).toEqual([
        ['省直单位', '1*', '省林草局', FORESTRY],
        ['省直单位', '2*', '省文旅厅', CULTURE],
        ['省直单位', '3*', '省教育厅', EDUCATION],
        ['省直单位', '3*', '省人社厅', HR],
      ]);
      const scores = values(workbook.getWorksheet('考核')!).slice(1);
      expect(scores.map((row) => [row[1], row[14]])).toEqual([
        ['省林草局', 98],
        ['省文旅厅', 40],
        ['省教育厅', 25],
        ['省人社厅', 27],
      ]);
      const overdueRows = values(workbook.getWorksheet('逾期事项')!).slice(1);
      expect(overdueRows).toHaveLength(2);
      expect(overdueRows[0]).toEqual(expect.arrayContaining(['省教育厅', 21]));
      expect(overdueRows[0].find((cell) => cell instanceof Date)).toEqual(new Date('2022-08-31T00:00:00Z'));
      const overview = values(workbook.getWorksheet('总体情况')!);
      expect(overview.some((row) => row.includes(0.5))).toBe(true);
      expect(unitsSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(unitsSheet.autoFilter).toBeTruthy();
    });

    it('counts a moment inside the quarter as it stood then', async () => {
      const midQuarter = await api.app
        .get(ReportGenerator)
        .render({ documentId, quarter: '2022Q3', asOf: at('2022-08-01T12:00:00'), scopeUnitCode: null });
      expect(midQuarter.figures.asOfDate).toBe('2022-08-01');
      // Nothing was due yet on 1 August: no completion, nothing overdue; the late and the missing
      // acknowledgement and the two missing 2022Q2 reports already count.
      expect(midQuarter.figures.overall).toMatchObject({
        tasks: 4,
        acknowledged: 3,
        completed: 0,
        completedOnTime: 0,
        overdue: 0,
        lateAcknowledgements: 2,
        missingReports: 2,
        cancelled: 0,
        completionRate: 0,
      });
      expect(midQuarter.figures.overdue).toEqual([]);
    });

    it('gives identical figures when the quarter is regenerated after events that would change them', async () => {
      api.clock.set(at('2022-10-12T10:00:00'));
      await as('hr')
        .post(`/tasks/${task[HR]}/progress-reports`, { quarter: '2022Q3', text: '培训已完成。', percentDone: 100 })
        .expect(201);
      const [hrReport]: { id: string }[] = await dataSource().query(
        `SELECT id FROM progress_reports WHERE task_id = $1 AND quarter = '2022Q3'`,
        [task[HR]],
      );
      // Each would change a 2022Q3 figure if events after the moment leaked in: a report approved, a
      // deadline moved past the quarter, a task cancelled, a task completed.
      await as('supervisor')
        .post(`/tasks/${task[HR]}/progress-reports/${hrReport.id}/review`, { decision: 'approve' })
        .expect(200);
      await act('hr', task[HR], 'request_extension', { until: '2022-12-30', reason: '需统筹全省培训' });
      await act('supervisor', task[HR], 'approve_extension');
      await act('education', task[EDUCATION], 'request_extension', { until: '2022-12-30', reason: '需协调培训场地' });
      await act('hr', task[EDUCATION], 'approve_extension');
      await act('hr', task[EDUCATION], 'cancel', { reason: '任务调整，由牵头单位统一办理' });
      await act('hr', task[HR], 'submit');
      await act('supervisor', task[HR], 'approve');
      const today = await api.app
        .get(ReportGenerator)
        .render({ documentId, quarter: '2022Q4', asOf: api.clock.now(), scopeUnitCode: null });
      expect(today.figures.overall).toMatchObject({ completed: 3, cancelled: 1, overdue: 0 });

      const again = await api.app
        .get(ReportGenerator)
        .render({ documentId, quarter: '2022Q3', asOf: new Date(figures.asOf), scopeUnitCode: null });
      expect(JSON.parse(JSON.stringify(again.figures))).toEqual(figures);
    });
  });

  describe('who reads what', () => {
    it('gives a unit the report limited to its own tasks, and keeps every other report from it', async () => {
      const created = await as('hr').post('/reports', { documentId, quarter: '2022Q3' }).expect(202);
      expect(created.body).toMatchObject({ state: 'queued', scopeUnitCode: HR });
      expect((await reportWhenDone(created.body.id)).state).toBe('done');
      const scoped: ReportFigures = JSON.parse((await download('hr', created.body.id, 'json')).toString('utf8'));
      expect(scoped.scope).toEqual({
        unitCode: HR,
        unitName: '省人社厅',
        rankingGroup: 'provincial',
        groupAverage: { dueCompletionRate: 0.5, onTimeRate: 0.5 },
      });
      expect(scoped.units.map((unit) => [unit.unitCode, unit.rank, unit.rankedInGroup])).toEqual([[HR, 3, 4]]);
      expect(scoped.overall).toMatchObject({ tasks: 1, overdue: 1, completed: 0 });
      expect(scoped.units.map((unit) => unit.unitCode)).toEqual([HR]);
      expect(JSON.stringify(scoped)).not.toContain('省林草局');

      await as('education').get(`/reports/${created.body.id}`).expect(404);
      const [all] = (await as('supervisor').get(`/reports?documentId=${documentId}`).expect(200)).body.filter(
        (report: { scopeUnitCode: string | null }) => report.scopeUnitCode === null,
      );
      const refused = await as('hr').get(`/reports/${all.id}/files/docx`).expect(404);
      expect(refused.body.code).toBe('REPORT_NOT_FOUND');
      const otherUnit = await as('hr')
        .post('/reports', { documentId, quarter: '2022Q3', unitCode: EDUCATION })
        .expect(403);
      expect(otherUnit.body.field).toBe('unitCode');
      expect(
        (await as('hr').get('/reports').expect(200)).body.map(
          (report: { scopeUnitCode: string }) => report.scopeUnitCode,
        ),
      ).toEqual([HR]);
    });

    it('refuses bad requests with the field at fault', async () => {
      expect((await as('supervisor').post('/reports', { documentId, quarter: '2022Q5' }).expect(400)).body.field).toBe(
        'quarter',
      );
      expect((await as('supervisor').post('/reports', { documentId, quarter: '2022Q4' }).expect(400)).body.code).toBe(
        'AS_OF_IN_FUTURE',
      );
      expect(
        (
          await as('supervisor')
            .post('/reports', { documentId, quarter: '2022Q3', asOf: '2022-06-30T00:00:00+08:00' })
            .expect(400)
        ).body.code,
      ).toBe('AS_OF_BEFORE_QUARTER');
      expect(
        (
          await as('supervisor')
            .post('/reports', { documentId: '00000000-0000-4000-8000-000000000000', quarter: '2022Q3' })
            .expect(404)
        ).body.code,
      ).toBe('DOCUMENT_NOT_FOUND');
      await api.http.post('/reports').send({ documentId, quarter: '2022Q3' }).expect(401);
    });
  });

  describe('the 通报’s texts, per document', () => {
    const settings = {
      masthead: '督查专报',
      issuingOffice: '山西省人民政府督查室',
      mainRecipients: '各市人民政府，省直各有关单位',
      copyTo: '省委办公厅，省人大常委会办公厅',
      signatory: '山西省人民政府督查室（印）',
      printingOffice: '山西省人民政府办公厅秘书处',
      reportBackWorkingDays: 5,
    };
    const put = (user: string, body: object) =>
      api.http
        .put(`/documents/${documentId}/bulletin-settings`)
        .set('Authorization', `Bearer ${tokens[user]}`)
        .send(body);

    it('gives the defaults until set, lets only a supervisor set them, and refuses bad texts with the field, writing nothing', async () => {
      const defaults = await as('supervisor').get(`/documents/${documentId}/bulletin-settings`).expect(200);
      expect(defaults.body).toMatchObject({
        custom: false,
        masthead: '督查通报',
        mainRecipients: '各责任单位',
        copyTo: null,
        signatory: '山西省人民政府办公厅督查室',
        reportBackWorkingDays: 10,
      });
      expect((await put('leadership', settings).expect(403)).body.code).toBe('ROLE_REQUIRED');
      expect((await put('hr', settings).expect(403)).body.code).toBe('ROLE_REQUIRED');
      for (const [body, field] of [
        [{ ...settings, masthead: '' }, 'masthead'],
        [{ ...settings, copyTo: '' }, 'copyTo'],
        [{ ...settings, reportBackWorkingDays: 0 }, 'reportBackWorkingDays'],
        [{ ...settings, reportBackWorkingDays: 2.5 }, 'reportBackWorkingDays'],
        [{ ...settings, signatory: 'x'.repeat(61) }, 'signatory'],
        [{ ...settings, extra: 1 }, 'extra'],
      ] as const) {
        const refused = await put('supervisor', body).expect(400);
        expect([field, refused.body.code, refused.body.field]).toEqual([field, 'VALIDATION_FAILED', field]);
      }
      const [{ count }] = await dataSource().query(`SELECT count(*)::int AS count FROM bulletin_settings`);
      expect(count).toBe(0);
      await api.http
        .put('/documents/00000000-0000-4000-8000-000000000000/bulletin-settings')
        .set('Authorization', `Bearer ${tokens.supervisor}`)
        .send(settings)
        .expect(404);
    });

    it('prints the texts set in the next bulletin made, and the figures stay the same', async () => {
      const saved = await put('supervisor', settings).expect(200);
      expect(saved.body).toMatchObject({ ...settings, custom: true, updatedBy: 'supervisor' });
      const rendered = await api.app
        .get(ReportGenerator)
        .render({ documentId, quarter: '2022Q3', asOf: new Date('2022-09-30T15:59:59.999Z'), scopeUnitCode: null });
      // Five working days from Saturday 8 October: Sunday 9 (调休) to Thursday 13 October.
      expect(rendered.figures.bulletin).toMatchObject({ ...settings, reportBackDate: '2022-10-13' });
      const { value: text } = await mammoth.extractRawText({ buffer: rendered.docx });
      let from = 0;
      for (const piece of [
        '督查专报',
        '山西省人民政府督查室\t2022年10月8日',
        '各市人民政府，省直各有关单位：',
        '5个工作日内（2022年10月13日前）将整改情况书面报送山西省人民政府督查室',
        '山西省人民政府督查室（印）',
        '抄送：省委办公厅，省人大常委会办公厅。',
        '山西省人民政府办公厅秘书处\t2022年10月8日印发',
      ]) {
        const found = text.indexOf(piece, from);
        expect([piece, found >= 0]).toEqual([piece, true]);
        from = found + piece.length;
      }
      expect(rendered.figures.overall.completed).toBe(2);
      expect(rendered.figures.units.map((unit) => unit.rank)).toEqual([1, 2, 3, 3]);
    });
  });

  describe('failures', () => {
    it('retries a report that fails, then shows the failure; asked again, it is queued again', async () => {
      // A history the report cannot read: an extension approval that names no new deadline.
      const [{ workflowId, seq }] = await dataSource().query(
        `SELECT workflow_id AS "workflowId", max(seq)::int AS seq FROM task_events WHERE task_id = $1 GROUP BY workflow_id`,
        [task[HR]],
      );
      await dataSource().query(
        `INSERT INTO task_events (workflow_id, seq, task_id, action, from_state, to_state, payload, actor_username, occurred_at, prev_hash, hash)
         VALUES ($1, $2, $3, 'approve_extension', 'in_progress', 'in_progress', '{}', 'test', $4, 'x', 'y')`,
        [workflowId, seq + 1, task[HR], at('2022-10-12T11:00:00')],
      );
      api.clock.set(at('2022-10-13T10:00:00'));
      const created = await as('supervisor')
        .post('/reports', { documentId, quarter: '2022Q4', asOf: '2022-10-13T09:00:00+08:00' })
        .expect(202);
      // The first attempt fails and waits out its backoff as a delayed job; the second fails for good.
      const job = (await api.queue(QUEUES.reports).getJobs(['waiting', 'active', 'delayed', 'failed'])).find(
        (candidate) => (candidate.data as { reportId?: string }).reportId === created.body.id,
      )!;
      await until('the report job to fail for good', 30_000, async () => (await job.getState()) === 'failed');
      const failed = await as('supervisor').get(`/reports/${created.body.id}`).expect(200);
      expect(failed.body).toMatchObject({ state: 'failed', attempts: 2, error: expect.stringContaining('toDeadline') });
      expect(await api.queue(QUEUES.reports).getJobCounts('failed')).toEqual({ failed: 1 });
      const notReady = await as('supervisor').get(`/reports/${created.body.id}/files/xlsx`).expect(409);
      expect(notReady.body.code).toBe('REPORT_NOT_READY');
      const again = await as('supervisor')
        .post('/reports', { documentId, quarter: '2022Q4', asOf: '2022-10-13T09:00:00+08:00' })
        .expect(200);
      expect(again.body).toMatchObject({ id: created.body.id, state: 'queued' });
    });
  });
});
