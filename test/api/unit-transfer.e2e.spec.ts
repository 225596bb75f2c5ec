import { DataSource } from 'typeorm';
import { DocumentImporter } from '@app/documents';
import { QUEUES } from '@app/queues';
import { startTestApi, type TestApi } from '../support/api';
import { runDueSteps } from '../support/queue-helpers';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { until } from '../support/until';

/**
 * A reorganised unit's work moves to its successor: the tasks it holds, the subtasks it assigned (so the
 * successor reviews them), the notices that come due afterwards, and the bulletin of the quarter after.
 * 山西银保监局 (cbirc-shanxi) became 国家金融监督管理总局山西监管局 (nfra-shanxi) on 2023-07-20.
 */
describe('the transfer of a reorganised unit’s work', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let documentId: string;
  let held: string;
  let subtask: string;

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body: object = {}) =>
      api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  });
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    api.app.get(DataSource).query(query, parameters);

  async function reportUnits(quarter: string): Promise<{ unitCode: string; tasks: number }[]> {
    const created = await as('supervisor').post('/reports', { documentId, quarter });
    expect([200, 202]).toContain(created.status);
    await until(`the ${quarter} report`, 60_000, async () => {
      const report = await as('supervisor').get(`/reports/${created.body.id}`).expect(200);
      return report.body.state === 'done';
    });
    const json = await as('supervisor').get(`/reports/${created.body.id}/files/json`).expect(200);
    const figures = JSON.parse(Buffer.isBuffer(json.body) ? json.body.toString('utf8') : json.text);
    return figures.units;
  }

  beforeAll(async () => {
    api = await startTestApi(new Date('2023-03-01T02:00:00Z'), { workers: true });
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['admin', 'sx-government-office', 'admin'],
      ['cbirc-officer', 'cbirc-shanxi', 'officer'],
      ['cbirc-leader', 'cbirc-shanxi', 'leader'],
      ['nfra-officer', 'nfra-shanxi', 'officer'],
      ['nfra-leader', 'nfra-shanxi', 'leader'],
      ['taiyuan-officer', 'sx-city-taiyuan', 'officer'],
      ['taiyuan-leader', 'sx-city-taiyuan', 'leader'],
    ] as const);
    documentId = (await api.app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) })).documentId;
    const measures = await sql<{ id: string }>(
      `SELECT DISTINCT m.id FROM measures m JOIN measure_units mu ON mu.measure_id = m.id
       WHERE m.document_id = $1 AND mu.unit_code = 'cbirc-shanxi'`,
      [documentId],
    );
    await as('supervisor')
      .post(`/documents/${documentId}/launch`, {
        measureIds: measures.map((row) => row.id),
        defaultDeadline: '2023-12-29',
      })
      .expect(201);
    [{ id: held }] = await sql<{ id: string }>(
      `SELECT id FROM tasks WHERE unit_code = 'cbirc-shanxi' ORDER BY created_at, id LIMIT 1`,
    );
    // The bureau splits part of its work to 太原市: it now also assigns and reviews.
    await as('cbirc-officer').post(`/tasks/${held}/actions/acknowledge`).expect(200);
    await as('cbirc-officer')
      .post(`/tasks/${held}/subtasks`, {
        subtasks: [{ unitCode: 'sx-city-taiyuan', title: '普惠金融服务进社区（太原市）', deadline: '2023-09-15' }],
      })
      .expect(201);
    [{ id: subtask }] = await sql<{ id: string }>(`SELECT id FROM tasks WHERE parent_task_id = $1`, [held]);
    await runDueSteps(api.queue(QUEUES.steps), api.app.get(DataSource), api.clock.now());
  }, 120_000);

  afterAll(() => api.close());

  it('moves what it holds and what it assigned to the successor, in one step', async () => {
    api.clock.set(new Date('2023-08-01T02:00:00Z'));
    const outcome = await as('admin')
      .post('/admin/unit-transfers', { fromUnitCode: 'cbirc-shanxi', toUnitCode: 'nfra-shanxi' })
      .expect(201);
    expect(outcome.body).toMatchObject({ tasksHeld: 2, tasksAssigned: 1 });
    const [moved] = await sql<{ unit: string; assigner: string }>(
      `SELECT (SELECT unit_code FROM tasks WHERE id = $1) AS unit, (SELECT assigner_unit_code FROM tasks WHERE id = $2) AS assigner`,
      [held, subtask],
    );
    expect(moved).toEqual({ unit: 'nfra-shanxi', assigner: 'nfra-shanxi' });
  });

  it('lets the successor, not the old unit, review the subtask it assigned', async () => {
    await as('taiyuan-officer').post(`/tasks/${subtask}/actions/acknowledge`).expect(200);
    await as('taiyuan-officer').post(`/tasks/${subtask}/actions/start`).expect(200);
    await as('taiyuan-leader').post(`/tasks/${subtask}/actions/submit`).expect(200);
    const refused = await as('cbirc-leader').post(`/tasks/${subtask}/actions/approve`);
    expect([403, 404]).toContain(refused.status);
    const approved = await as('nfra-leader').post(`/tasks/${subtask}/actions/approve`).expect(200);
    expect(approved.body.state).toBe('approved');
  });

  it('sends the notices that come due after the transfer to the successor only', async () => {
    const before = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM notices WHERE unit_code = 'cbirc-shanxi'`,
    );
    api.clock.set(new Date('2023-12-20T02:00:00Z')); // the held task's deadline reminders (10 and 3 working days) are due
    await runDueSteps(api.queue(QUEUES.steps), api.app.get(DataSource), api.clock.now());
    const reminders = await sql<{ unit: string }>(
      `SELECT unit_code AS unit FROM notices WHERE task_id = $1 AND kind = 'reminder'`,
      [held],
    );
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.map((row) => row.unit))).toEqual(new Set(['nfra-shanxi']));
    const after = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM notices WHERE unit_code = 'cbirc-shanxi'`,
    );
    expect(after[0].count).toBe(before[0].count);
    const inbox = await as('nfra-officer').get('/notices').expect(200);
    expect(inbox.body.items.some((notice: { taskId: string }) => notice.taskId === held)).toBe(true);
  });

  it('counts the work under the old unit in the quarter before, and under the successor after', async () => {
    const q2 = await reportUnits('2023Q2');
    expect(q2.find((unit) => unit.unitCode === 'cbirc-shanxi')?.tasks).toBe(2);
    expect(q2.find((unit) => unit.unitCode === 'nfra-shanxi')).toBeUndefined();
    const q3 = await reportUnits('2023Q3');
    expect(q3.find((unit) => unit.unitCode === 'nfra-shanxi')?.tasks).toBe(2);
    expect(q3.find((unit) => unit.unitCode === 'cbirc-shanxi')).toBeUndefined();
    // The subtask the old unit had assigned stays with the city that holds it.
    expect(q3.find((unit) => unit.unitCode === 'sx-city-taiyuan')).toMatchObject({ tasks: 1, completed: 1 });
  });
});
