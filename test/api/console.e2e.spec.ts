import { DataSource } from 'typeorm';
import { WorkingCalendar } from '@app/calendar';
import { startTestApi, TestApi } from '../support/api';

const UNKNOWN_TASK = '00000000-0000-4000-8000-000000000000';

interface TaskItem {
  id: string;
  kind: string;
  role: string;
  unitCode: string;
  measureId: string;
  measureTitle: string;
  documentId: string;
  deadline: string;
  workingDaysLeft: number;
  light: string;
  escalationLevel: number;
  version: number;
}

/** The routes the console stands on (console-contract.md), over HTTP on a real database. */
describe('console API: inbox tabs, bulk acknowledge, instructions, notices, board and statistics', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let documentId: string;
  let docNumber: string;
  /** Measure id → its deadline, for the culture bureau's measures launched here. */
  const deadlines: Record<string, string> = {};
  let cultureTasks: string[];
  let leadTaskId: string;
  let subtaskId: string;
  let forestryTaskId: string;

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body: object = {}) =>
      api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  });
  const inbox = async (user: string, query: string): Promise<{ items: TaskItem[]; total: number }> =>
    (await as(user).get(`/tasks?${query}`).expect(200)).body;

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['leader-gov', 'sx-government', 'leadership'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
      ['culture-leader', 'sx-culture-tourism', 'leader'],
      ['forestry-officer', 'sx-forestry-grassland', 'officer'],
      ['taiyuan-officer', 'sx-city-taiyuan', 'officer'],
      ['taiyuan-leader', 'sx-city-taiyuan', 'leader'],
    ]);
    ({ documentId } = await api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor));
    docNumber = (await as('supervisor').get(`/documents/${documentId}`).expect(200)).body.docNumber;
  });

  afterAll(() => api.close());

  it('launch answers the tasks it created, lead first, with deadlines per measure id', async () => {
    const measures: { id: string; path: string; units: { responsible: { code: string; role: string }[] } }[] = (
      await as('supervisor').get(`/documents/${encodeURIComponent(docNumber)}/measures?needsAssignment=false`)
    ).body;
    const culture = measures.filter(
      (measure) =>
        measure.path !== '二.(一).1' &&
        measure.units.responsible.some((unit) => unit.code === 'sx-culture-tourism' && unit.role === 'lead'),
    );
    expect(culture.length).toBeGreaterThanOrEqual(2);
    const [soon, ...rest] = culture.slice(0, 3);
    deadlines[soon.id] = '2026-11-27';
    for (const measure of rest) deadlines[measure.id] = '2027-03-31';
    const response = await as('supervisor')
      .post(`/documents/${encodeURIComponent(docNumber)}/launch`, {
        measureIds: Object.keys(deadlines),
        deadlines,
      })
      .expect(201);
    const launched: { measureId: string; deadline: string; taskCount: number; tasks: TaskItem[] }[] =
      response.body.launched;
    expect(launched.map((measure) => measure.deadline)).toEqual(launched.map((m) => deadlines[m.measureId]));
    for (const measure of launched) {
      expect(measure.tasks).toHaveLength(measure.taskCount);
      expect(measure.tasks[0]).toMatchObject({ kind: 'lead', unitCode: 'sx-culture-tourism' });
      expect(measure.tasks.slice(1).every((task) => task.kind === 'co')).toBe(true);
    }
    const rows: { id: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT id FROM tasks WHERE workflow_id = ANY($1) ORDER BY id`, [
        launched.map((measure) => (measure as unknown as { workflowId: string }).workflowId),
      ]);
    expect(rows.map((row) => row.id)).toEqual(launched.flatMap((m) => m.tasks.map((task) => task.id)).sort());
  });

  it('lists the to-acknowledge tab nearest deadline first with the row fields, and counts every tab', async () => {
    const page = await inbox('culture-officer', 'tab=to_acknowledge');
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.deadline)).toEqual([...page.items.map((i) => i.deadline)].sort());
    const calendar = api.app.get(WorkingCalendar);
    for (const item of page.items) {
      expect(item).toMatchObject({ role: 'lead', kind: 'lead', unitCode: 'sx-culture-tourism', documentId });
      expect(item.measureTitle).toEqual(expect.any(String));
      expect(item.workingDaysLeft).toBe(calendar.workingDaysBetween('2026-11-23', item.deadline));
      expect(item.light).toMatch(/^(green|yellow|red)$/);
    }
    expect(page.items[0]).toMatchObject({ deadline: '2026-11-27', workingDaysLeft: 4, light: 'yellow' });
    cultureTasks = page.items.map((item) => item.id);
    leadTaskId = page.items.find((item) => item.deadline === '2027-06-30')!.id;
    forestryTaskId = (await inbox('forestry-officer', 'tab=to_acknowledge')).items[0].id;
    expect((await as('culture-officer').get('/tasks/tab-counts').expect(200)).body).toEqual({
      to_acknowledge: 4,
      to_split: 0,
      to_report: 0,
      to_review: 0,
      done: 0,
      all: 4,
    });
    // 文号 works where the id does.
    expect((await inbox('culture-officer', `documentId=${encodeURIComponent(docNumber)}`)).total).toBe(4);
  });

  it('bulk acknowledges each task on its own: another unit’s task and an acknowledged one fail, the rest succeed', async () => {
    await as('culture-officer').post(`/tasks/${cultureTasks[1]}/actions/acknowledge`).expect(200);
    const response = await as('culture-officer')
      .post('/tasks/bulk/acknowledge', {
        taskIds: [cultureTasks[0], cultureTasks[1], forestryTaskId, UNKNOWN_TASK, leadTaskId],
      })
      .expect(200);
    expect(response.body.results).toEqual([
      { taskId: cultureTasks[0], ok: true, version: 2 },
      expect.objectContaining({ taskId: cultureTasks[1], ok: false, code: 'INVALID_TRANSITION' }),
      expect.objectContaining({ taskId: forestryTaskId, ok: false, code: 'NOT_PERMITTED' }),
      expect.objectContaining({ taskId: UNKNOWN_TASK, ok: false, code: 'TASK_NOT_FOUND' }),
      { taskId: leadTaskId, ok: true, version: 2 },
    ]);
    const [forestry] = await api.app.get(DataSource).query(`SELECT state FROM tasks WHERE id = $1`, [forestryTaskId]);
    expect(forestry.state).toBe('assigned');
    const counts = (await as('culture-officer').get('/tasks/tab-counts').expect(200)).body;
    expect(counts).toMatchObject({ to_acknowledge: 1, to_split: 3, all: 4 });
    await as('culture-officer').post('/tasks/bulk/acknowledge', { taskIds: [] }).expect(400);
    await as('culture-officer')
      .post('/tasks/bulk/acknowledge', { taskIds: ['x'] })
      .expect(400);
  });

  it('offers only the action route’s actions in allowedActions, the others with their routes, and the next report', async () => {
    const task = (await as('culture-officer').get(`/tasks/${leadTaskId}`).expect(200)).body;
    expect(task.allowedActions).not.toContain('split');
    expect(task.allowedActions).not.toContain('report_progress');
    expect(task.otherActions).toEqual(
      expect.arrayContaining([{ action: 'split', method: 'POST', route: `/tasks/${leadTaskId}/subtasks` }]),
    );
    expect(task.nextProgressReport).toEqual({ quarter: '2026Q4', dueDate: expect.stringMatching(/^2027-01-/) });
    expect(task.measure).toMatchObject({ path: '二.(一).1', docNumber, text: expect.any(String) });
  });

  it('splits, naming the created subtasks, and a submit with a subtask open is refused naming it', async () => {
    const split = await as('culture-officer')
      .post(`/tasks/${leadTaskId}/subtasks`, {
        subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原市落实', deadline: '2027-05-31' }],
      })
      .expect(201);
    expect(split.body.createdSubtaskIds).toHaveLength(1);
    subtaskId = split.body.createdSubtaskIds[0];
    expect(split.body.subtasks.map((task: TaskItem) => task.id)).toEqual(
      expect.arrayContaining([subtaskId, forestryTaskId]),
    );
    expect((await as('culture-officer').get('/tasks/tab-counts')).body.to_split).toBe(2);
    expect((await as('taiyuan-officer').get('/tasks/tab-counts')).body.to_acknowledge).toBe(1);
    await as('culture-leader').post(`/tasks/${leadTaskId}/actions/start`).expect(200);
    const refused = await as('culture-leader').post(`/tasks/${leadTaskId}/actions/submit`).expect(409);
    expect(refused.body.code).toBe('SUBTASKS_OPEN');
    // The co-responsible task is a child of the lead task too: both block the submission, both are named.
    expect(refused.body.details.openSubtasks).toEqual(
      expect.arrayContaining([
        { id: subtaskId, title: '太原市落实', unitCode: 'sx-city-taiyuan', state: 'assigned' },
        expect.objectContaining({ id: forestryTaskId, unitCode: 'sx-forestry-grassland' }),
      ]),
    );
    expect(refused.body.details.openSubtasks).toHaveLength(2);
  });

  it('puts a submitted subtask in the assigning unit’s review tab with a review_request notice', async () => {
    await as('taiyuan-officer').post(`/tasks/${subtaskId}/actions/acknowledge`).expect(200);
    await as('taiyuan-leader').post(`/tasks/${subtaskId}/actions/start`).expect(200);
    await as('taiyuan-leader').post(`/tasks/${subtaskId}/actions/submit`).expect(200);
    const review = await inbox('culture-leader', 'tab=to_review');
    expect(review.items.map((item) => item.id)).toEqual([subtaskId]);
    const notices = (await as('culture-officer').get('/notices').expect(200)).body.items;
    expect(notices.filter((notice: { taskId: string }) => notice.taskId === subtaskId)).toEqual([
      expect.objectContaining({ kind: 'review_request', title: expect.stringContaining('太原市落实') }),
    ]);
    await as('culture-leader').post(`/tasks/${subtaskId}/actions/approve`).expect(200);
    const taiyuanKinds = (await as('taiyuan-officer').get('/notices')).body.items.map((n: { kind: string }) => n.kind);
    expect(taiyuanKinds.sort()).toEqual(['assignment', 'review_result']);
    expect((await as('taiyuan-officer').get('/tasks/tab-counts')).body).toMatchObject({ done: 1, all: 1 });
  });

  it('records a 领导批示 in the chain, tells every unit holding the task, and lists it on the task', async () => {
    await as('culture-officer').post(`/tasks/${leadTaskId}/instructions`, { text: '请抓紧推进' }).expect(403);
    await as('leader-gov').post(`/tasks/${leadTaskId}/instructions`, { text: '' }).expect(400);
    await as('leader-gov').post(`/tasks/${UNKNOWN_TASK}/instructions`, { text: '好' }).expect(404);
    const created = await as('leader-gov')
      .post(`/tasks/${leadTaskId}/instructions`, { text: '请抓紧推进，确保按期完成' })
      .expect(201);
    expect(created.body).toMatchObject({ text: '请抓紧推进，确保按期完成', actorUsername: 'leader-gov' });
    const task = (await as('culture-officer').get(`/tasks/${leadTaskId}`).expect(200)).body;
    expect(task.instructions).toEqual([created.body]);
    expect(task.history.at(-1)).toMatchObject({ action: 'instruction', seq: created.body.seq });
    const verified = await as('supervisor').get(`/workflows/${task.workflowId}/verify`).expect(200);
    expect(verified.body.ok).toBe(true);
    const notices: { unit_code: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT unit_code FROM notices WHERE kind = 'instruction' AND task_id = $1 ORDER BY unit_code`, [
        leadTaskId,
      ]);
    expect(notices.map((notice) => notice.unit_code)).toEqual([
      'sx-city-taiyuan',
      'sx-culture-tourism',
      'sx-forestry-grassland',
    ]);
    await as('supervisor').post(`/tasks/${leadTaskId}/instructions`, { text: '督查室：请按时报送' }).expect(201);
  });

  it('counts unread notices and marks all of the unit’s read, no other unit’s', async () => {
    const before = (await as('culture-officer').get('/notices/unread-count').expect(200)).body.count;
    expect(before).toBeGreaterThan(0);
    const taiyuan = (await as('taiyuan-officer').get('/notices/unread-count')).body.count;
    const marked = await as('culture-leader').post('/notices/read-all').expect(200);
    expect(marked.body).toEqual({ updated: before });
    expect((await as('culture-officer').get('/notices/unread-count')).body).toEqual({ count: 0 });
    expect((await as('taiyuan-officer').get('/notices/unread-count')).body).toEqual({ count: taiyuan });
  });

  it('shows the board to the supervisor, each count equal to the list it opens', async () => {
    api.clock.set(new Date('2026-12-01T02:00:00Z'));
    await as('culture-officer').get('/board').expect(403);
    const rows: Record<string, number | string>[] = (await as('supervisor').get('/board').expect(200)).body.rows;
    const culture = rows.find((row) => row.unitCode === 'sx-culture-tourism')!;
    expect(culture).toMatchObject({ tasks: 4, overdue: 1, notAcknowledged: 1 });
    const filters: Record<string, string> = {
      overdue: 'overdue',
      dueSoon: 'due_soon',
      notAcknowledged: 'not_acknowledged',
      missingReports: 'missing_reports',
      level1: 'level1',
      level2: 'level2',
    };
    for (const row of rows) {
      expect((await inbox('supervisor', `scope=all&unitCode=${row.unitCode}`)).total).toBe(row.tasks);
      for (const [column, filter] of Object.entries(filters))
        expect([
          row.unitCode,
          column,
          (await inbox('supervisor', `scope=all&unitCode=${row.unitCode}&filter=${filter}`)).total,
        ]).toEqual([row.unitCode, column, row[column]]);
    }
    const overdue = await inbox('supervisor', 'scope=all&unitCode=sx-culture-tourism&filter=overdue');
    expect(overdue.items[0]).toMatchObject({ deadline: '2026-11-27', workingDaysLeft: -2, light: 'red' });
    await as('culture-officer').get('/tasks?scope=all&unitCode=sx-culture-tourism&filter=overdue').expect(403);
  });

  it('lists quarters owed a progress report in the to-report tab until the report is in', async () => {
    api.clock.set(new Date('2027-01-08T02:00:00Z'));
    const owed = await inbox('culture-officer', 'tab=to_report');
    expect(owed.items.map((item) => item.id)).toContain(leadTaskId);
    await as('culture-officer')
      .post(`/tasks/${leadTaskId}/progress-reports`, { quarter: '2026Q4', text: '已部署', percentDone: 20 })
      .expect(201);
    expect((await inbox('culture-officer', 'tab=to_report')).items.map((item) => item.id)).not.toContain(leadTaskId);
    expect((await as('culture-officer').get(`/tasks/${leadTaskId}`)).body.nextProgressReport.quarter).toBe('2027Q1');
  });

  it('gives leadership completion and on-time rates per unit and section, by 文号, and refuses units', async () => {
    await as('culture-officer').get('/statistics').expect(403);
    await as('leader-gov').get('/statistics?documentId=nope').expect(404);
    const stats = (
      await as('leader-gov')
        .get(`/statistics?documentId=${encodeURIComponent(docNumber)}`)
        .expect(200)
    ).body;
    expect(stats.documentId).toBe(documentId);
    const culture = stats.byUnit.find((row: { key: string }) => row.key === 'sx-culture-tourism');
    expect(culture).toMatchObject({ tasks: 4, completed: 0, completionRate: 0, onTimeRate: null });
    expect(stats.bySection.reduce((sum: number, row: { tasks: number }) => sum + row.tasks, 0)).toBe(
      stats.byUnit.reduce((sum: number, row: { tasks: number }) => sum + row.tasks, 0),
    );
  });
});
