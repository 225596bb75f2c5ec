import { DataSource } from 'typeorm';
import { DocumentImporter } from '@app/documents';
import { startTestApi, TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';

describe('notices and the transfer of a reorganised unit', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let documentId: string;

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body: object = {}) =>
      api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  });

  beforeAll(async () => {
    // 2023-03-01: before the financial reform, so 山西银保监局 still holds its own work.
    api = await startTestApi(new Date('2023-03-01T02:00:00Z'));
    Object.assign(
      tokens,
      await api.createUsers([
        ['supervisor', 'sx-supervision-office', 'supervisor'],
        ['cbirc-officer', 'cbirc-shanxi', 'officer'],
        ['nfra-officer', 'nfra-shanxi', 'officer'],
        ['admin', 'sx-government-office', 'admin'],
      ] as const),
    );
    documentId = (await api.app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) })).documentId;
    const measures: { id: string }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT DISTINCT m.id FROM measures m JOIN measure_units mu ON mu.measure_id = m.id WHERE m.document_id = $1 AND mu.unit_code = 'cbirc-shanxi'`,
        [documentId],
      );
    expect(measures.length).toBe(2);
    await as('supervisor')
      .post(`/documents/${documentId}/launch`, {
        measureIds: measures.map((measure) => measure.id),
        defaultDeadline: '2023-12-31',
      })
      .expect(201);
  });

  afterAll(() => api.close());

  it('shows each unit its own notices, unread first, and marks them read', async () => {
    const inbox = await as('cbirc-officer').get('/notices').expect(200);
    expect(inbox.body).toMatchObject({ total: 2, unread: 2 });
    expect(
      inbox.body.items.every(
        (notice: { kind: string; unitCode: string }) =>
          notice.kind === 'assignment' && notice.unitCode === 'cbirc-shanxi',
      ),
    ).toBe(true);
    const [first] = inbox.body.items;
    await as('nfra-officer').post(`/notices/${first.id}/read`).expect(404);
    const read = await as('cbirc-officer').post(`/notices/${first.id}/read`).expect(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await as('cbirc-officer').get('/notices?unread=true').expect(200);
    expect(unread.body).toMatchObject({ total: 1, unread: 1 });
  });

  it('lets only an admin transfer open work, and records it on every task', async () => {
    await as('supervisor')
      .post('/admin/unit-transfers', { fromUnitCode: 'cbirc-shanxi', toUnitCode: 'nfra-shanxi' })
      .expect(403);
    const unknown = await as('admin')
      .post('/admin/unit-transfers', { fromUnitCode: 'cbirc-shanxi', toUnitCode: 'no-such-unit' })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_UNIT', field: 'toUnitCode' });

    api.clock.set(new Date('2023-08-01T02:00:00Z'));
    const outcome = await as('admin')
      .post('/admin/unit-transfers', { fromUnitCode: 'cbirc-shanxi', toUnitCode: 'nfra-shanxi' })
      .expect(201);
    expect(outcome.body).toMatchObject({ tasksHeld: 2, tasksAssigned: 0 });

    expect((await as('cbirc-officer').get('/tasks').expect(200)).body.total).toBe(0);
    const taken = await as('nfra-officer').get('/tasks').expect(200);
    expect(taken.body.total).toBe(2);
    const detail = await as('nfra-officer').get(`/tasks/${taken.body.items[0].id}`).expect(200);
    expect(detail.body.history.at(-1)).toMatchObject({
      action: 'transfer',
      actorUsername: 'admin',
      payload: { fromUnitCode: 'cbirc-shanxi', toUnitCode: 'nfra-shanxi' },
    });
    const again = await as('admin')
      .post('/admin/unit-transfers', { fromUnitCode: 'cbirc-shanxi', toUnitCode: 'nfra-shanxi' })
      .expect(201);
    expect(again.body).toMatchObject({ tasksHeld: 0, tasksAssigned: 0 });
  });
});
