import type { Response } from 'supertest';
import { QUEUES } from '@app/queues';
import { startTestApi, type TestApi } from '../support/api';
import { waitForIdle } from '../support/queue-helpers';

/** Every kind of response carries the security headers, and a policy the web clients work under. */
describe('security headers', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let reportId: string;

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-22T02:00:00Z'), { workers: true });
    tokens = await api.createUsers([
      ['admin', 'sx-government-office', 'admin'],
      ['supervisor', 'sx-supervision-office', 'supervisor'],
    ]);
    const { documentId } = await api.launchSeedMeasure('二.(三).2', '2027-06-30', tokens.supervisor);
    const report = await api.http
      .post('/reports')
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .send({ documentId, quarter: '2026Q3' })
      .expect(202);
    reportId = report.body.id;
    await waitForIdle(api.queue(QUEUES.reports), 60_000);
  });

  afterAll(() => api.close());

  function expectSecurityHeaders(response: Response): void {
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  }

  it('on JSON, errors included', async () => {
    expectSecurityHeaders(await api.http.get('/units').set('Authorization', `Bearer ${tokens.admin}`).expect(200));
    expectSecurityHeaders(await api.http.get('/units').expect(401));
    expectSecurityHeaders(await api.http.get('/health'));
  });

  it('on the API docs, whose scripts all come from this origin', async () => {
    const page = await api.http.get('/docs').redirects(1).expect(200);
    expectSecurityHeaders(page);
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    expectSecurityHeaders(await api.http.get('/docs/swagger-ui-init.js').expect(200));
  });

  it('on the queue dashboard, which cannot be framed and runs no inline script', async () => {
    const page = await api.http.get('/admin/queues').set('Authorization', `Bearer ${tokens.admin}`).expect(200);
    expectSecurityHeaders(page);
    const inlineScripts = [...page.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]);
    expect(inlineScripts.every((attributes) => attributes.includes('application/json'))).toBe(true);
    expectSecurityHeaders(
      await api.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${tokens.admin}`).expect(200),
    );
  });

  it('on a report download', async () => {
    const download = await api.http
      .get(`/reports/${reportId}/files/docx`)
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .buffer(true)
      .parse((res, callback) => {
        res.on('data', () => undefined);
        res.on('end', () => callback(null, null));
      })
      .expect(200);
    expectSecurityHeaders(download);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
  });
});
