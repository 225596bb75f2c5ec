import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../support/api';

describe('calendar days entered by an admin', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let taskId: string;

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body: object = {}) =>
      api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body),
  });
  const overdueStep = async () =>
    (await api.app
      .get(DataSource)
      .query(
        `SELECT due_at FROM scheduled_steps WHERE task_id = $1 AND kind = 'deadline_overdue' AND state = 'pending'`,
        [taskId],
      )) as { due_at: Date }[];

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    Object.assign(
      tokens,
      await api.createUsers([
        ['supervisor', 'sx-supervision-office', 'supervisor'],
        ['admin', 'sx-government-office', 'admin'],
        ['sport-officer', 'sx-sport', 'officer'],
      ] as const),
    );
    await api.launchSeedMeasure('二.(三).2', '2027-02-26', tokens.supervisor);
    taskId = (await as('sport-officer').get('/tasks').expect(200)).body.items[0].id;
  });

  afterAll(() => api.close());

  it('marks a deadline in a year without a published calendar as provisional', async () => {
    const task = (await as('sport-officer').get(`/tasks/${taskId}`).expect(200)).body;
    expect(task.deadlineProvisional).toBe(true);
    expect(await overdueStep()).toEqual([{ due_at: new Date('2027-02-26T18:00:00+08:00') }]);
  });

  it('lets only admins enter days, validated', async () => {
    await as('supervisor')
      .post('/admin/calendar-days', { days: [{ date: '2027-02-26', kind: 'holiday' }] })
      .expect(403);
    const invalid = await as('admin')
      .post('/admin/calendar-days', { days: [{ date: '2027-02-30', kind: 'holiday' }] })
      .expect(400);
    // The one date rule of every request refuses an impossible date before the calendar sees it.
    expect(invalid.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', field: 'days.0.date' });
  });

  it('recomputes pending steps when the notice arrives, and the deadline is no longer provisional', async () => {
    const added = await as('admin')
      .post('/admin/calendar-days', { days: [{ date: '2027-02-26', kind: 'holiday', note: '测试用' }] })
      .expect(201);
    expect(added.body).toEqual({ days: 1, tasksReplanned: 1 });
    // The deadline now falls on a holiday: it is due the next working day, Monday 2027-03-01.
    expect(await overdueStep()).toEqual([{ due_at: new Date('2027-03-01T18:00:00+08:00') }]);
    const task = (await as('sport-officer').get(`/tasks/${taskId}`).expect(200)).body;
    expect(task.deadlineProvisional).toBe(false);
    const listed = await as('admin').get('/admin/calendar-days').expect(200);
    expect(listed.body).toEqual([{ date: '2027-02-26', kind: 'holiday', note: '测试用' }]);
  });
});
