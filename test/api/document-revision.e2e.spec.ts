import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedText } from '../support/seeds';

/**
 * A revised document arrives after some of its measures were launched: removed measures are marked, never
 * deleted; their tasks and those of changed measures carry on untouched; the supervisor who imports is
 * told which launched measures the revision touched.
 */
describe('re-importing a document with launched work', () => {
  let api: TestApi;
  let supervisor: string;
  let documentId: string;
  const REMOVED = '四.(三).2';
  const CHANGED = '二.(一).2';

  const upload = (text: string) =>
    api.http
      .post('/documents')
      .set('Authorization', `Bearer ${supervisor}`)
      .attach('file', Buffer.from(text, 'utf8'), 'shanxi-consumer-services-action-plan-2022.txt');
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    api.app.get(DataSource).query(query, parameters);

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    ({ supervisor } = await api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]));
    const created = await upload(seedText(ACTION_PLAN_2022)).expect(201);
    documentId = created.body.documentId;
    const measures = await sql<{ id: string }>(`SELECT id FROM measures WHERE document_id = $1 AND path = ANY($2)`, [
      documentId,
      [REMOVED, CHANGED],
    ]);
    await api.http
      .post(`/documents/${documentId}/launch`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ measureIds: measures.map((row) => row.id), defaultDeadline: '2027-06-30' })
      .expect(201);
  });

  afterAll(() => api.close());

  it('answers with the new revision, and names the launched measures it removed or changed', async () => {
    const tasksBefore = await sql<{ id: string; state: string; version: number }>(
      `SELECT id, state, version FROM tasks ORDER BY id`,
    );
    const revised = seedText(ACTION_PLAN_2022)
      .replace('推出３－５部具有全国影响力的旅游演艺精品力作', '推出５－８部具有全国影响力的旅游演艺精品力作')
      .replace(/２．保障设施用地需求[\s\S]*?\(责任单位:省自\n\n然资源厅\)\n/, '');
    const answer = await upload(revised).expect(201);
    expect(answer.body).toMatchObject({
      status: 'revised',
      revision: 2,
      changes: { added: [], removed: [REMOVED], changed: [CHANGED] },
      launchedChanged: [
        { path: CHANGED, change: 'changed', openTasks: expect.any(Number) },
        { path: REMOVED, change: 'removed', openTasks: expect.any(Number) },
      ],
    });
    expect(answer.body.launchedChanged.every((item: { openTasks: number }) => item.openTasks > 0)).toBe(true);
    expect(answer.body.message).toContain(
      `其中2项措施已分解下达：${CHANGED}（已修改）、${REMOVED}（已删除），相关任务继续办理`,
    );

    // Nothing launched was touched: same tasks, same states, same versions; the removed measure is marked, not deleted.
    expect(await sql(`SELECT id, state, version FROM tasks ORDER BY id`)).toEqual(tasksBefore);
    const [removed] = await sql<{ removed: number }>(
      `SELECT removed_in_revision AS removed FROM measures WHERE document_id = $1 AND path = $2`,
      [documentId, REMOVED],
    );
    expect(removed.removed).toBe(2);
    const listed = await api.http
      .get(`/documents/${documentId}/measures`)
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    expect(listed.body.map((measure: { path: string }) => measure.path)).not.toContain(REMOVED);
  });

  it('names only what a revision changes: a measure added back is not named, an unchanged import names nothing', async () => {
    const again = await upload(seedText(ACTION_PLAN_2022)).expect(201);
    expect(again.body).toMatchObject({
      status: 'revised',
      revision: 3,
      changes: { added: [REMOVED], removed: [] },
    });
    // 四.(三).2 comes back (the same row, launched before): it is added, not changed or removed.
    expect(again.body.launchedChanged).toEqual([
      { path: CHANGED, change: 'changed', workflowId: expect.any(String), openTasks: expect.any(Number) },
    ]);
    const unchanged = await upload(seedText(ACTION_PLAN_2022)).expect(200);
    expect(unchanged.body).toMatchObject({ status: 'unchanged', launchedChanged: [] });
  });
});
