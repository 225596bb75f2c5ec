import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api';

/** Text that would do harm if it were ever run as SQL or rendered as HTML. */
const HOSTILE = `'); DROP TABLE tasks; -- <script>alert("x")</script><img src=x onerror=alert(1)> "\\ %s $1`;

/** Dates as a client might type them, impossible ones (2027-02-31, 2027-09-31, 2026-02-29) often among them. */
const dateLike = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.string(),
);
/** Text, sometimes with a character XML 1.0 forbids (NUL included) somewhere in it. */
const text = fc.oneof(
  fc.string(),
  fc
    .tuple(fc.string(), fc.constantFrom('\u0000', '\u0007', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'), fc.string())
    .map(([before, character, after]) => `${before}${character}${after}`),
);
/** A path segment for any text: an unpaired surrogate cannot be percent-encoded, so it goes as U+FFFD, as a browser sends it. */
const pathSegment = (value = '') => encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
/** Page numbers: integers of any size, floats, exponents, words. */
const pageLike = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.constantFrom('1e22', '1e308', '-0', '0x10', 'NaN', 'Infinity'),
  fc.string(),
);

describe('hostile input: refused with a clear error, or stored and returned exactly as sent', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let documentId: string;
  let leadTaskId: string;
  let coTaskId: string;

  const as = (user: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', `Bearer ${tokens[user]}`),
    post: (url: string, body?: unknown) =>
      api.http
        .post(url)
        .set('Authorization', `Bearer ${tokens[user]}`)
        .send(body as object),
    put: (url: string, body?: unknown) =>
      api.http
        .put(url)
        .set('Authorization', `Bearer ${tokens[user]}`)
        .send(body as object),
  });

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['admin', 'sx-government-office', 'admin'],
      ['culture', 'sx-culture-tourism', 'leader'],
      ['forestry', 'sx-forestry-grassland', 'leader'],
    ]);
    ({ documentId } = await api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor));
    const tasks: { id: string; kind: string }[] = await api.app.get(DataSource).query(`SELECT id, kind FROM tasks`);
    leadTaskId = tasks.find((task) => task.kind === 'lead')!.id;
    coTaskId = tasks.find((task) => task.kind === 'co')!.id;
    await as('culture').post(`/tasks/${leadTaskId}/actions/acknowledge`).expect(200);
    await as('forestry').post(`/tasks/${coTaskId}/actions/acknowledge`).expect(200);
  });

  afterAll(() => api.close());

  it('refuses a JSON body over 1 MB with 413 and the error shape', async () => {
    const response = await as('supervisor')
      .post('/reports', { documentId, quarter: '2026Q3', padding: 'x'.repeat(1_100_000) })
      .expect(413);
    expect(response.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '上传内容超过大小限制' });
  });

  it('refuses deeply nested JSON with 400, without falling over', async () => {
    const depth = 100_000;
    const body = `{"documentId":"${documentId}","quarter":"2026Q3","unitCode":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const response = await api.http
      .post('/reports')
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'JSON_TOO_DEEP' });
    await as('supervisor').get('/units').expect(200);
  });

  it('refuses a body that is not JSON, or JSON that does not parse, with 400', async () => {
    for (const [type, text] of [
      ['text/plain', `documentId=${documentId}&quarter=2026Q3`],
      ['application/xml', `<report><quarter>2026Q3</quarter></report>`],
      ['application/json', '{"documentId": '],
    ]) {
      const response = await api.http
        .post('/reports')
        .set('Authorization', `Bearer ${tokens.supervisor}`)
        .set('Content-Type', type)
        .send(text);
      expect([type, response.status]).toEqual([type, 400]);
      expect(response.body).toMatchObject({ statusCode: 400, code: expect.any(String) });
    }
  });

  it('stores SQL and HTML in every text field verbatim, returns it as JSON data, and runs none of it', async () => {
    await as('culture')
      .post(`/tasks/${leadTaskId}/subtasks`, {
        subtasks: [{ unitCode: 'sx-city-taiyuan', title: HOSTILE, deadline: '2027-01-29' }],
      })
      .expect(201);
    await as('culture')
      .post(`/tasks/${leadTaskId}/actions/request_extension`, { until: '2027-07-30', reason: HOSTILE })
      .expect(200);
    await as('culture').post(`/tasks/${coTaskId}/actions/remind`, { message: HOSTILE }).expect(200);
    await as('forestry').post(`/tasks/${coTaskId}/actions/object`, { reason: HOSTILE }).expect(200);
    const unassigned: { id: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT id FROM measures WHERE document_id = $1 AND path = '五.(一)'`, [documentId]);
    await as('supervisor')
      .put(`/measures/${unassigned[0].id}/units`, {
        leadUnitCode: 'sx-development-reform',
        coUnitCodes: [],
        note: HOSTILE,
      })
      .expect(200);

    const detail = await as('culture').get(`/tasks/${leadTaskId}`).expect(200);
    expect(detail.headers['content-type']).toMatch(/^application\/json/);
    expect(
      detail.body.subtasks
        .filter((task: { kind: string }) => task.kind === 'subtask')
        .map((task: { title: string }) => task.title),
    ).toEqual([HOSTILE]);
    expect(detail.body.extensionReason).toBe(HOSTILE);
    const forestryNotices = await as('forestry').get('/notices').expect(200);
    expect(forestryNotices.body.items.some((notice: { body: string }) => notice.body === HOSTILE)).toBe(true);
    const cultureNotices = await as('culture').get('/notices').expect(200);
    expect(
      cultureNotices.body.items.some((notice: { body: string }) => notice.body === `承办单位提出异议：${HOSTILE}`),
    ).toBe(true);
    const [{ note }] = await api.app
      .get(DataSource)
      .query(`SELECT note FROM measure_assignments ORDER BY assigned_at DESC LIMIT 1`);
    expect(note).toBe(HOSTILE);
    const [{ count }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS count FROM tasks`);
    expect(count).toBe(3);
  });

  it('answers any JSON body on the write routes with 2xx or a 4xx in the error shape, never a 5xx', async () => {
    const routes = [
      (body: unknown) => as('supervisor').post('/reports', body),
      (body: unknown) => as('forestry').post(`/tasks/${coTaskId}/progress-reports`, body),
      (body: unknown) => as('forestry').post(`/tasks/${coTaskId}/actions/request_extension`, body),
      (body: unknown) => as('culture').post(`/tasks/${leadTaskId}/subtasks`, body),
      (body: unknown) => as('admin').post('/admin/calendar-days', body),
      (body: unknown) => as('supervisor').put(`/documents/${documentId}/ladder`, body),
    ];
    const bodies = fc.oneof(
      fc.object({ maxDepth: 3 }),
      fc.record(
        {
          quarter: fc.string(),
          documentId: fc.oneof(fc.uuid(), fc.string()),
          until: dateLike,
          reason: text,
          text,
          percentDone: fc.oneof(fc.integer(), fc.double(), fc.string()),
        },
        { requiredKeys: [] },
      ),
      fc.record({
        subtasks: fc.array(
          fc.record({ unitCode: fc.string(), title: text, deadline: dateLike }, { requiredKeys: [] }),
          { maxLength: 3 },
        ),
      }),
      fc.record({
        days: fc.array(
          fc.record({ date: dateLike, kind: fc.constantFrom('holiday', 'workday'), note: text }, { requiredKeys: [] }),
          {
            maxLength: 3,
          },
        ),
      }),
      fc.record({ ladder: fc.oneof(fc.constant(null), fc.object({ maxDepth: 2 })) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: routes.length - 1 }), bodies, async (route, body) => {
        const response = await routes[route](body);
        if (response.status >= 400)
          expect(response.body).toMatchObject({
            statusCode: response.status,
            code: expect.any(String),
            message: expect.any(String),
          });
        return response.status < 500;
      }),
      { numRuns: 150 },
    );
  });

  it('answers any query and path on the read routes with 2xx or a 4xx in the error shape, never a 5xx', async () => {
    const requests = [
      (query: Record<string, string>) => as('culture').get('/tasks').query(query),
      (query: Record<string, string>) =>
        as('supervisor')
          .get('/tasks')
          .query({ ...query, scope: 'all' }),
      (query: Record<string, string>) => as('forestry').get('/notices').query(query),
      (query: Record<string, string>) => as('culture').get(`/documents/${pathSegment(query.dueBefore)}`),
      (query: Record<string, string>) => as('culture').get(`/tasks/${pathSegment(query.page)}`),
    ];
    const queries = fc.record(
      { dueBefore: fc.oneof(dateLike, text), page: pageLike, pageSize: pageLike, state: text, sort: text },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: requests.length - 1 }), queries, async (request, query) => {
        const response = await requests[request](query);
        if (response.status >= 400)
          expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String) });
        return response.status < 500;
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['an impossible due date', () => as('culture').get('/tasks?dueBefore=2027-02-31'), 'dueBefore'],
    ['a page beyond any list', () => as('culture').get('/tasks?page=1e22'), 'page'],
    ['a page size beyond 100', () => as('forestry').get('/notices?pageSize=101'), 'pageSize'],
    [
      'an impossible subtask deadline',
      () =>
        as('culture').post(`/tasks/${leadTaskId}/subtasks`, {
          subtasks: [{ unitCode: 'sx-culture-tourism', title: '分解', deadline: '2027-02-30' }],
        }),
      'subtasks.0.deadline',
    ],
    [
      'an impossible extension date',
      () =>
        as('forestry').post(`/tasks/${coTaskId}/actions/request_extension`, { until: '2027-09-31', reason: '延期' }),
      'until',
    ],
    [
      'NUL in a subtask title',
      () =>
        as('culture').post(`/tasks/${leadTaskId}/subtasks`, {
          subtasks: [{ unitCode: 'sx-culture-tourism', title: '分\u0000解', deadline: '2027-05-31' }],
        }),
      'subtasks.0.title',
    ],
    ['NUL in a document reference', () => as('culture').get('/documents/%00'), 'reference'],
  ])('refuses %s with 400 naming the field', async (_, send, field) => {
    const response = await send();
    expect([response.status, response.body.field]).toEqual([400, field]);
  });
});
