import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../support/api';

describe('conflicting actions on one task', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let taskId: string;

  const post = (user: string, url: string, body: object = {}) =>
    api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body);

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    Object.assign(
      tokens,
      await api.createUsers([
        ['supervisor', 'sx-supervision-office', 'supervisor'],
        ['sport-officer', 'sx-sport', 'officer'],
        ['sport-leader', 'sx-sport', 'leader'],
      ] as const),
    );
    await api.launchSeedMeasure('二.(三).2', '2027-06-30', tokens.supervisor);
    const inbox = await api.http.get('/tasks').set('Authorization', `Bearer ${tokens['sport-officer']}`).expect(200);
    taskId = inbox.body.items[0].id;
    await post('sport-officer', `/tasks/${taskId}/actions/acknowledge`).expect(200);
    await post('sport-officer', `/tasks/${taskId}/actions/start`).expect(200);
    await post('sport-leader', `/tasks/${taskId}/actions/submit`).expect(200);
  });

  afterAll(() => api.close());

  it('20 simultaneous approvals and returns give exactly one success and 19 conflicts', async () => {
    const attempts = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? post('supervisor', `/tasks/${taskId}/actions/approve`)
        : post('supervisor', `/tasks/${taskId}/actions/return`, { reason: `第${index}次退回` }),
    );
    const responses = await Promise.all(attempts);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const winner = responses.find((response) => response.status === 200)!;
    const loser = responses.find((response) => response.status === 409)!;
    expect(loser.body.details.currentState).toBe(winner.body.state);

    const events = await api.app
      .get(DataSource)
      .query(`SELECT action FROM task_events WHERE task_id = $1 AND action IN ('approve', 'return')`, [taskId]);
    expect(events).toHaveLength(1);
  });

  it('refuses an action naming a stale version', async () => {
    const task = await api.http.get(`/tasks/${taskId}`).set('Authorization', `Bearer ${tokens.supervisor}`).expect(200);
    const stale = await post('supervisor', `/tasks/${taskId}/actions/remind`, {
      message: '请尽快',
      version: task.body.version - 1,
    }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: task.body.version } });
  });
});
