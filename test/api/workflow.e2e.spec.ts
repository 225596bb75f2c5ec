import { DataSource } from 'typeorm';
import { DocumentImporter } from '@app/documents';
import { startTestApi, TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';

/** The whole life of one measure of the 2022 action plan, from launch to 销号, through the HTTP API. */
describe('workflow API: one measure from launch to close', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let documentId: string;
  let measureId: string;
  let leadTaskId: string;
  let coTaskId: string;
  let subtaskId: string;

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body: object = {}) =>
      api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  });

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    const users: [string, string, ('officer' | 'leader' | 'supervisor' | 'admin')[]][] = [
      ['supervisor', 'sx-supervision-office', ['supervisor']],
      ['culture-officer', 'sx-culture-tourism', ['officer']],
      ['culture-leader', 'sx-culture-tourism', ['leader']],
      ['forestry-officer', 'sx-forestry-grassland', ['officer']],
      ['forestry-leader', 'sx-forestry-grassland', ['leader']],
      ['taiyuan-officer', 'sx-city-taiyuan', ['officer']],
      ['taiyuan-leader', 'sx-city-taiyuan', ['leader']],
      ['sport-officer', 'sx-sport', ['officer']],
      ['admin', 'sx-government-office', ['admin']],
    ];
    for (const [username, unit, roles] of users) {
      await api.createUser(username, unit, roles);
      tokens[username] = await api.login(username);
    }
    const outcome = await api.app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    documentId = outcome.documentId;
    const measures = await as('supervisor').get(`/documents/${documentId}/measures`).expect(200);
    measureId = measures.body.find((measure: { path: string }) => measure.path === '二.(一).1').id;
  });

  afterAll(() => api.close());

  async function rowCounts() {
    const [row] = await api.app
      .get(DataSource)
      .query(
        `SELECT (SELECT count(*)::int FROM workflows) AS workflows, (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM task_events) AS events`,
      );
    return row;
  }

  it('refuses to launch measures that still need units, naming them, and writes nothing', async () => {
    const before = await rowCounts();
    const response = await as('supervisor')
      .post(`/documents/${documentId}/launch`, { defaultDeadline: '2027-06-30' })
      .expect(400);
    expect(response.body.code).toBe('MEASURES_NOT_READY');
    const titles = response.body.details.measures.map((measure: { title: string }) => measure.title);
    expect(titles).toEqual(expect.arrayContaining(['完善体制机制', '压紧压实责任', '强化宣传推广']));
    expect(response.body.details.measures[0].reasons[0]).toContain('责任单位');
    expect(await rowCounts()).toEqual(before);
  });

  it('lets only the supervisor launch', async () => {
    await as('culture-leader')
      .post(`/documents/${documentId}/launch`, { measureIds: [measureId], defaultDeadline: '2027-06-30' })
      .expect(403);
  });

  it('launches one measure into a lead task and a co-responsible task, and refuses to launch it twice', async () => {
    const response = await as('supervisor')
      .post(`/documents/${documentId}/launch`, { measureIds: [measureId], defaultDeadline: '2027-06-30' })
      .expect(201);
    expect(response.body).toMatchObject({
      taskCount: 2,
      ackDeadline: '2026-11-26',
      launched: [{ measureId, deadline: '2027-06-30', taskCount: 2 }],
    });
    const again = await as('supervisor')
      .post(`/documents/${documentId}/launch`, { measureIds: [measureId], defaultDeadline: '2027-06-30' })
      .expect(409);
    expect(again.body.code).toBe('MEASURE_ALREADY_LAUNCHED');

    const lead = await as('culture-officer').get('/tasks').expect(200);
    expect(lead.body.total).toBe(1);
    leadTaskId = lead.body.items[0].id;
    expect(lead.body.items[0]).toMatchObject({
      kind: 'lead',
      state: 'assigned',
      deadline: '2027-06-30',
      measure: { id: measureId, path: '二.(一).1' },
    });
    const co = await as('forestry-officer').get('/tasks').expect(200);
    coTaskId = co.body.items[0].id;
    expect(co.body.items[0]).toMatchObject({
      kind: 'co',
      parentTaskId: leadTaskId,
      assignerUnitCode: 'sx-culture-tourism',
    });
  });

  it('hides a task from units that have nothing to do with it', async () => {
    const response = await as('sport-officer').get(`/tasks/${leadTaskId}`).expect(404);
    expect(response.body.code).toBe('TASK_NOT_FOUND');
    expect(JSON.stringify(response.body)).not.toContain('旅游');
    await as('sport-officer').post(`/tasks/${leadTaskId}/actions/acknowledge`).expect(404);
    await as('forestry-officer').get(`/tasks/${leadTaskId}`).expect(404);
    expect((await as('sport-officer').get('/tasks').expect(200)).body.total).toBe(0);
  });

  it('lets the holding unit acknowledge, and the lead unit see the co-responsible task', async () => {
    const acknowledged = await as('culture-officer').post(`/tasks/${leadTaskId}/actions/acknowledge`).expect(200);
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', version: 2 });
    await as('forestry-officer').post(`/tasks/${coTaskId}/actions/acknowledge`).expect(200);
    const seenByLead = await as('culture-officer').get(`/tasks/${coTaskId}`).expect(200);
    expect(seenByLead.body.parent.id).toBe(leadTaskId);
    const assigned = await as('culture-officer').get('/tasks?scope=assigned').expect(200);
    expect(assigned.body.items.map((task: { id: string }) => task.id)).toEqual([coTaskId]);
  });

  it('answers 409 with the current state for an invalid transition', async () => {
    const response = await as('culture-officer').post(`/tasks/${leadTaskId}/actions/acknowledge`).expect(409);
    expect(response.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'acknowledged' } });
    expect(response.body.message).toContain('已签收');
  });

  it('splits the lead task into a subtask for a city, never later than the parent', async () => {
    const late = await as('culture-officer')
      .post(`/tasks/${leadTaskId}/subtasks`, {
        subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原市景区创建', deadline: '2027-07-31' }],
      })
      .expect(400);
    expect(late.body).toMatchObject({ code: 'DEADLINE_AFTER_PARENT', field: 'subtasks[0].deadline' });
    const split = await as('culture-officer')
      .post(`/tasks/${leadTaskId}/subtasks`, {
        subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原市景区创建', deadline: '2027-05-31' }],
      })
      .expect(201);
    expect(split.body.subtasks.map((task: { kind: string }) => task.kind)).toEqual(['co', 'subtask']);
    const subtask = split.body.subtasks.find((task: { kind: string }) => task.kind === 'subtask');
    subtaskId = subtask.id;
    expect(subtask).toMatchObject({
      kind: 'subtask',
      unitCode: 'sx-city-taiyuan',
      assignerUnitCode: 'sx-culture-tourism',
      state: 'assigned',
    });
  });

  it('runs the subtask through a return and a second submission', async () => {
    await as('taiyuan-officer').post(`/tasks/${subtaskId}/actions/acknowledge`).expect(200);
    await as('taiyuan-officer').post(`/tasks/${subtaskId}/actions/start`).expect(200);
    const officerSubmits = await as('taiyuan-officer').post(`/tasks/${subtaskId}/actions/submit`).expect(403);
    expect(officerSubmits.body.code).toBe('NOT_PERMITTED');
    await as('taiyuan-leader').post(`/tasks/${subtaskId}/actions/submit`).expect(200);
    const noReason = await as('culture-leader').post(`/tasks/${subtaskId}/actions/return`).expect(400);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    await as('taiyuan-leader').post(`/tasks/${subtaskId}/actions/approve`).expect(403);
    const returned = await as('culture-leader')
      .post(`/tasks/${subtaskId}/actions/return`, { reason: '请补充景区创建清单' })
      .expect(200);
    expect(returned.body.state).toBe('in_progress');
    await as('taiyuan-leader').post(`/tasks/${subtaskId}/actions/submit`).expect(200);
    const approved = await as('culture-leader').post(`/tasks/${subtaskId}/actions/approve`).expect(200);
    expect(approved.body.state).toBe('approved');
    const actions = approved.body.history.map((event: { action: string }) => event.action);
    expect(actions).toEqual(['split', 'acknowledge', 'start', 'submit', 'return', 'submit', 'approve']);
    expect(approved.body.history[4]).toMatchObject({
      reason: '请补充景区创建清单',
      actorUsername: 'culture-leader',
      fromState: 'submitted',
      toState: 'in_progress',
    });
  });

  it('extends the lead task (supervisor decides) and then the co-responsible task (lead unit decides)', async () => {
    const tooLate = await as('forestry-officer')
      .post(`/tasks/${coTaskId}/actions/request_extension`, { until: '2027-08-31', reason: '林草季节性施工' })
      .expect(400);
    expect(tooLate.body.code).toBe('DEADLINE_AFTER_PARENT');
    await as('culture-officer')
      .post(`/tasks/${leadTaskId}/actions/request_extension`, { until: '2027-09-30', reason: '度假区评定延期' })
      .expect(200);
    await as('culture-leader').post(`/tasks/${leadTaskId}/actions/approve_extension`).expect(403);
    const extended = await as('supervisor').post(`/tasks/${leadTaskId}/actions/approve_extension`).expect(200);
    expect(extended.body).toMatchObject({ deadline: '2027-09-30', extensionRequestedUntil: null });
    await as('forestry-officer')
      .post(`/tasks/${coTaskId}/actions/request_extension`, { until: '2027-08-31', reason: '林草季节性施工' })
      .expect(200);
    const coExtended = await as('culture-leader').post(`/tasks/${coTaskId}/actions/approve_extension`).expect(200);
    expect(coExtended.body.deadline).toBe('2027-08-31');
  });

  it('takes one quarterly progress report per ended quarter, reviewed by the lead unit', async () => {
    api.clock.set(new Date('2027-01-05T02:00:00Z'));
    const report = {
      quarter: '2026Q4',
      text: '新建森林康养基地12个',
      percentDone: 30,
      targetActuals: [{ targetIndex: 4, actual: 12 }],
    };
    const early = await as('forestry-officer')
      .post(`/tasks/${coTaskId}/progress-reports`, { ...report, quarter: '2027Q1' })
      .expect(400);
    expect(early.body).toMatchObject({ code: 'QUARTER_NOT_ENDED', field: 'quarter' });
    const badTarget = await as('forestry-officer')
      .post(`/tasks/${coTaskId}/progress-reports`, { ...report, targetActuals: [{ targetIndex: 99, actual: 1 }] })
      .expect(400);
    expect(badTarget.body.field).toBe('targetActuals[0].targetIndex');
    await as('sport-officer').post(`/tasks/${coTaskId}/progress-reports`, report).expect(404);
    const submitted = await as('forestry-officer').post(`/tasks/${coTaskId}/progress-reports`, report).expect(201);
    expect(submitted.body).toMatchObject({ quarter: '2026Q4', state: 'submitted', percentDone: 30 });
    const twice = await as('forestry-officer').post(`/tasks/${coTaskId}/progress-reports`, report).expect(409);
    expect(twice.body.code).toBe('REPORT_EXISTS');
    await as('forestry-leader')
      .post(`/tasks/${coTaskId}/progress-reports/${submitted.body.id}/review`, { decision: 'approve' })
      .expect(403);
    const returned = await as('culture-leader')
      .post(`/tasks/${coTaskId}/progress-reports/${submitted.body.id}/review`, {
        decision: 'return',
        reason: '请补充基地名单',
      })
      .expect(200);
    expect(returned.body).toMatchObject({ state: 'returned', reviewReason: '请补充基地名单' });
    await as('forestry-officer')
      .post(`/tasks/${coTaskId}/progress-reports`, { ...report, text: '新建森林康养基地12个（附名单）' })
      .expect(201);
    const approved = await as('culture-leader')
      .post(`/tasks/${coTaskId}/progress-reports/${submitted.body.id}/review`, { decision: 'approve' })
      .expect(200);
    expect(approved.body.state).toBe('approved');
    const task = await as('forestry-officer').get(`/tasks/${coTaskId}`).expect(200);
    expect(task.body.state).toBe('in_progress');
    expect(task.body.history.filter((event: { action: string }) => event.action === 'report_progress')).toHaveLength(2);
  });

  it('lets a lead unit send a manual reminder that lands in the inbox and in the unit system', async () => {
    const dataSource = api.app.get(DataSource);
    await dataSource.query(
      `INSERT INTO unit_webhooks (unit_code, url, secret, created_at) VALUES ('sx-forestry-grassland', 'http://127.0.0.1:9/hook', $1, $2)`,
      ['a-webhook-secret-of-at-least-32-characters', api.clock.now()],
    );
    await as('culture-officer')
      .post(`/tasks/${coTaskId}/actions/remind`, { message: '请加快森林康养基地建设进度' })
      .expect(200);
    const [notice] = await dataSource.query(
      `SELECT id, kind, title, body FROM notices WHERE unit_code = 'sx-forestry-grassland' AND kind = 'manual_reminder'`,
    );
    expect(notice).toMatchObject({ kind: 'manual_reminder', body: '请加快森林康养基地建设进度' });
    const deliveries = await dataSource.query(`SELECT channel FROM notice_deliveries WHERE notice_id = $1`, [
      notice.id,
    ]);
    expect(deliveries).toEqual([{ channel: 'webhook' }]);
  });

  it('submits the lead task only once every subtask is approved, and 销号 on the supervisor approval', async () => {
    await as('culture-officer').post(`/tasks/${leadTaskId}/actions/start`).expect(200);
    const blocked = await as('culture-leader').post(`/tasks/${leadTaskId}/actions/submit`).expect(409);
    expect(blocked.body.code).toBe('SUBTASKS_OPEN');
    await as('forestry-leader').post(`/tasks/${coTaskId}/actions/submit`).expect(200);
    await as('culture-leader').post(`/tasks/${coTaskId}/actions/approve`).expect(200);
    await as('culture-leader').post(`/tasks/${leadTaskId}/actions/submit`).expect(200);
    const closed = await as('supervisor').post(`/tasks/${leadTaskId}/actions/approve`).expect(200);
    expect(closed.body.state).toBe('approved');
    expect(closed.body.history.map((event: { action: string }) => event.action)).toContain('close_measure');
    const [workflow] = await api.app
      .get(DataSource)
      .query('SELECT state, closed_at FROM workflows WHERE measure_id = $1', [measureId]);
    expect(workflow.state).toBe('closed');
    expect(workflow.closed_at).not.toBeNull();
  });

  it('verifies the chain, and finds an event changed directly in the database', async () => {
    const workflowId = (await as('supervisor').get(`/tasks/${leadTaskId}`).expect(200)).body.workflowId;
    const intact = await as('supervisor').get(`/workflows/${workflowId}/verify`).expect(200);
    expect(intact.body).toMatchObject({ ok: true });
    expect(intact.body.events).toBeGreaterThan(15);
    await as('culture-leader').get(`/workflows/${workflowId}/verify`).expect(403);

    const dataSource = api.app.get(DataSource);
    await expect(
      dataSource.query(`UPDATE task_events SET reason = 'x' WHERE workflow_id = $1 AND seq = 5`, [workflowId]),
    ).rejects.toThrow(/append-only/);
    await dataSource.query('ALTER TABLE task_events DISABLE TRIGGER task_events_append_only');
    await dataSource.query(`UPDATE task_events SET reason = '被篡改的理由' WHERE workflow_id = $1 AND seq = 7`, [
      workflowId,
    ]);
    await dataSource.query('ALTER TABLE task_events ENABLE TRIGGER task_events_append_only');
    const tampered = await as('supervisor').get(`/workflows/${workflowId}/verify`).expect(200);
    expect(tampered.body).toMatchObject({ ok: false, firstBadSeq: 7, problem: 'hash' });
  });
});
