import {
  REPORT_REQUESTS_PER_DOCUMENT_PER_MINUTE,
  REPORT_REQUESTS_PER_USER_PER_MINUTE,
  ReportGenerator,
} from '@app/reporting';
import { startTestApi, type TestApi } from '../support/api';

/** Report requests are bounded per user and per document: one officer cannot make the worker build twenty. */
describe('report request limits', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let documentId: string;

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['leadership', 'sx-government', 'leadership'],
      ['officer', 'sx-sport', 'officer'],
    ]);
    ({ documentId } = await api.launchSeedMeasure('二.(三).2', '2027-06-30', tokens.supervisor));
  });

  afterAll(() => api.close());

  const ask = (who: string, day: number) =>
    api.http
      .post('/reports')
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({ documentId, quarter: '2026Q3', asOf: `2026-07-${String(day).padStart(2, '0')}T12:00:00+08:00` });

  it('refuses a user beyond the limit within a minute with 429, Retry-After and a code, then lets them in again', async () => {
    for (let day = 1; day <= REPORT_REQUESTS_PER_USER_PER_MINUTE; day += 1) await ask('officer', day).expect(202);
    const refused = await ask('officer', 20).expect(429);
    expect(refused.body.code).toBe('REPORT_RATE_LIMITED_USER');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    api.clock.set(new Date(api.clock.now().getTime() + 61_000));
    await ask('officer', 20).expect(202);
  });

  it('refuses a document beyond its limit whoever asks', async () => {
    api.clock.set(new Date(api.clock.now().getTime() + 61_000));
    let day = 1;
    for (const who of ['supervisor', 'leadership'])
      for (let n = 0; n < REPORT_REQUESTS_PER_DOCUMENT_PER_MINUTE / 2; n += 1) await ask(who, day++).expect(202);
    api.clock.set(new Date(api.clock.now().getTime() + 1_000));
    const refused = await ask('officer', 25).expect(429);
    expect(refused.body.code).toBe('REPORT_RATE_LIMITED_DOCUMENT');
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

describe('the report worker beyond its queue depth', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(undefined, { env: { REPORT_QUEUE_MAX_DEPTH: '2' } });
  });

  afterAll(() => api.close());

  it('marks a request with too many waiting ahead of it failed, with the reason, and makes the ones within', async () => {
    const { supervisor } = await api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]);
    const { documentId } = await api.launchSeedMeasure('二.(三).2', '2027-06-30', supervisor);
    const ids: string[] = [];
    for (let day = 1; day <= 3; day += 1) {
      api.clock.set(new Date(api.clock.now().getTime() + 1_000));
      const response = await api.http
        .post('/reports')
        .set('Authorization', `Bearer ${supervisor}`)
        .send({ documentId, quarter: '2026Q3', asOf: `2026-07-0${day}T12:00:00+08:00` })
        .expect(202);
      ids.push(response.body.id);
    }
    const generator = api.app.get(ReportGenerator);
    await expect(generator.generate(ids[2], false)).resolves.toEqual({
      outcome: 'skipped',
      reason: 'beyond the queue depth',
    });
    const refused = await api.http.get(`/reports/${ids[2]}`).set('Authorization', `Bearer ${supervisor}`).expect(200);
    expect(refused.body).toMatchObject({ state: 'failed', error: expect.stringContaining('2 份') });
    await expect(generator.generate(ids[1], false)).resolves.toMatchObject({ outcome: 'generated' });
  });
});
