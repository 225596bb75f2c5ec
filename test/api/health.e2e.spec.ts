import { WorkingCalendar } from '@app/calendar';
import { startTestApi, TestApi } from '../support/api';

describe('health', () => {
  let api: TestApi;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await api.createUsers([
      ['admin', 'sx-government-office', 'admin'],
      ['supervisor', 'sx-supervision-office', 'supervisor'],
    ]);
  });

  const asAdmin = () => api.http.get('/health').set('Authorization', `Bearer ${tokens.admin}`);

  afterAll(() => api.close());

  it('tells anyone only whether the engine is up; any other role and a bad token get no more', async () => {
    expect((await api.http.get('/health').expect(200)).body).toEqual({ status: 'ok' });
    const supervisor = await api.http.get('/health').set('Authorization', `Bearer ${tokens.supervisor}`).expect(200);
    expect(supervisor.body).toEqual({ status: 'ok' });
    const forged = await api.http.get('/health').set('Authorization', 'Bearer not-a-token').expect(200);
    expect(forged.body).toEqual({ status: 'ok' });
  });

  it('tells an admin PostgreSQL, Redis and the queue counts', async () => {
    const response = await asAdmin().expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.postgres.status).toBe('up');
    expect(response.body.info.redis).toMatchObject({
      status: 'up',
      queues: { steps: { waiting: expect.any(Number), delayed: expect.any(Number), failed: expect.any(Number) } },
    });
    expect(response.body.info.calendar.knownYears).toBe('2004–2026');
    expect(response.body.info.calendar).not.toHaveProperty('warning');
  });

  it('warns once a deadline was counted in a year without an official calendar', async () => {
    api.app.get(WorkingCalendar).addWorkingDays('2031-03-02', 5);
    const response = await asAdmin().expect(200);
    expect(response.body.info.calendar.warning).toContain('2031');
  });
});
