import { WorkingCalendar } from '@app/calendar';
import { startTestApi, TestApi } from '../support/api';

describe('health', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('answers without a token, with PostgreSQL, Redis and the queue counts', async () => {
    const response = await api.http.get('/health').expect(200);
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
    const response = await api.http.get('/health').expect(200);
    expect(response.body.info.calendar.warning).toContain('2031');
  });
});
