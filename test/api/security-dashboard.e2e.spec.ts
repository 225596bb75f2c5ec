import { QUEUES } from '@app/queues';
import { startTestApi, type TestApi } from '../support/api';

const ADD_JOB = `/admin/queues/api/queues/${QUEUES.reports}/add`;

/** The queue dashboard's cookie is set by the engine, travels only same-site, and the dashboard adds no jobs unless told to. */
describe('the queue dashboard against cross-site requests', () => {
  let api: TestApi;
  let admin: string;
  let cookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ admin } = await api.createUsers([['admin', 'sx-government-office', 'admin']]));
    const session = await api.http.post('/auth/dashboard-session').set('Authorization', `Bearer ${admin}`).expect(204);
    cookie = String(session.headers['set-cookie']);
  });

  afterAll(() => api.close());

  const withCookie = (request: ReturnType<TestApi['http']['get']>) => request.set('Cookie', cookie.split(';')[0]);

  it('sets the cookie HttpOnly, SameSite=Strict, on the dashboard path only', () => {
    expect(cookie).toMatch(/^supervision_token=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/admin/queues');
  });

  it('refuses a form POST from another origin that carries the cookie, and queues nothing', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'name=report.generate&data=%7B%7D'],
      ['text/plain', '{"name":"report.generate","data":{}}'],
    ]) {
      const response = await withCookie(api.http.post(ADD_JOB))
        .set('Origin', 'http://evil.example')
        .set('Content-Type', type)
        .send(body);
      expect([type, response.status, response.body.code]).toEqual([type, 403, 'CROSS_SITE_REQUEST']);
    }
    const crossSite = await withCookie(api.http.post(ADD_JOB)).set('Sec-Fetch-Site', 'cross-site').send({});
    expect(crossSite.status).toBe(403);
    const noOrigin = await withCookie(api.http.post(ADD_JOB)).send({ name: 'report.generate', data: {} });
    expect(noOrigin.status).toBe(403);
    expect(await api.queue(QUEUES.reports).count()).toBe(0);
  });

  it('lets the dashboard read by cookie from its own page', async () => {
    const queues = await withCookie(api.http.get('/admin/queues/api/queues'))
      .set('Sec-Fetch-Site', 'same-origin')
      .expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toContain(QUEUES.reports);
  });

  it('adds and retries no job from the dashboard unless QUEUE_BOARD_JOB_WRITING is on, even same-origin', async () => {
    const sameOrigin = await withCookie(api.http.post(ADD_JOB))
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ name: 'report.generate', data: {} });
    expect([sameOrigin.status, sameOrigin.body.code]).toEqual([403, 'QUEUE_BOARD_READ_ONLY']);
    const byHeader = await api.http
      .put(`/admin/queues/api/queues/${QUEUES.reports}/retry/failed`)
      .set('Authorization', `Bearer ${admin}`);
    expect(byHeader.status).toBe(403);
    expect(await api.queue(QUEUES.reports).count()).toBe(0);
  });
});
