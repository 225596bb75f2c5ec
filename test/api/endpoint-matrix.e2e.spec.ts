import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DocumentImporter } from '@app/documents';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';

/** Who calls: the lead and co-responsible units of a launched measure, a unit with no part in it, and the oversight roles. */
type Who = 'lead' | 'co' | 'unrelated' | 'supervisor' | 'leadership' | 'admin';
const EVERYONE: Who[] = ['lead', 'co', 'unrelated', 'supervisor', 'leadership', 'admin'];
const USERS: Record<Who, [string, 'officer' | 'leader' | 'supervisor' | 'leadership' | 'admin']> = {
  lead: ['sx-culture-tourism', 'leader'],
  co: ['sx-forestry-grassland', 'leader'],
  unrelated: ['sx-education', 'leader'],
  supervisor: ['sx-supervision-office', 'supervisor'],
  leadership: ['sx-government', 'leadership'],
  admin: ['sx-government-office', 'admin'],
};
/** The measure's title: no refused answer may carry it. */
const MEASURE_TITLE = '实施A级旅游景区倍增计划';

interface Fixture {
  documentId: string;
  launchedMeasureId: string;
  otherMeasureId: string;
  unassignedMeasureId: string;
  workflowId: string;
  leadTaskId: string;
  coTaskId: string;
  coNoticeId: string;
  allUnitsReportId: string;
}

interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => object;
  allowed: Who[];
  /** The answer for everyone else: 403, or 404 where the caller may not even know the thing exists. */
  refused?: Partial<Record<Who, 403 | 404>>;
}

const seesTheCoTask: Who[] = ['lead', 'co', 'supervisor', 'leadership', 'admin'];

/** Every route of the API but the public ones (login, health, docs) and the per-action matrix of authorization.e2e.spec.ts. */
const ROUTES: Route[] = [
  { method: 'get', path: () => '/auth/me', allowed: EVERYONE },
  { method: 'get', path: () => '/units', allowed: EVERYONE },
  { method: 'get', path: () => '/documents', allowed: EVERYONE },
  { method: 'get', path: (f) => `/documents/${f.documentId}`, allowed: EVERYONE },
  { method: 'get', path: (f) => `/documents/${f.documentId}/measures`, allowed: EVERYONE },
  { method: 'get', path: (f) => `/measures/${f.launchedMeasureId}`, allowed: EVERYONE },
  { method: 'get', path: (f) => `/measures/${f.unassignedMeasureId}/suggestions`, allowed: ['supervisor', 'admin'] },
  {
    method: 'put',
    path: (f) => `/measures/${f.unassignedMeasureId}/units`,
    body: () => ({ leadUnitCode: 'sx-development-reform', coUnitCodes: [] }),
    allowed: ['supervisor'],
  },
  {
    method: 'post',
    path: (f) => `/measures/${f.unassignedMeasureId}/units/accept-suggestion`,
    allowed: ['supervisor'],
  },
  { method: 'get', path: (f) => `/documents/${f.documentId}/ladder`, allowed: ['supervisor', 'admin'] },
  {
    method: 'put',
    path: (f) => `/documents/${f.documentId}/ladder`,
    body: () => ({ ladder: null }),
    allowed: ['supervisor'],
  },
  {
    method: 'post',
    path: (f) => `/documents/${f.documentId}/launch`,
    body: (f) => ({ measureIds: [f.otherMeasureId], defaultDeadline: '2027-06-30' }),
    allowed: ['supervisor'],
  },
  { method: 'get', path: () => '/tasks', allowed: EVERYONE },
  { method: 'get', path: () => '/tasks?scope=all', allowed: ['supervisor', 'leadership', 'admin'] },
  { method: 'get', path: (f) => `/tasks/${f.coTaskId}`, allowed: seesTheCoTask, refused: { unrelated: 404 } },
  {
    method: 'get',
    path: (f) => `/tasks/${f.coTaskId}/progress-reports`,
    allowed: seesTheCoTask,
    refused: { unrelated: 404 },
  },
  {
    method: 'get',
    path: (f) => `/tasks/${f.coTaskId}/attachments`,
    allowed: seesTheCoTask,
    refused: { unrelated: 404 },
  },
  {
    method: 'post',
    path: (f) => `/tasks/${f.coTaskId}/actions/remind`,
    body: () => ({ message: '请加快进度' }),
    allowed: ['lead', 'supervisor'],
    refused: { unrelated: 404 },
  },
  {
    method: 'post',
    path: (f) => `/tasks/${f.coTaskId}/progress-reports`,
    body: () => ({ quarter: '2026Q3', text: '进展', percentDone: 10 }),
    allowed: ['co'],
    refused: { unrelated: 404 },
  },
  {
    method: 'post',
    path: (f) => `/tasks/${f.leadTaskId}/subtasks`,
    body: () => ({ subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原市分解任务', deadline: '2027-01-29' }] }),
    allowed: ['lead'],
    refused: { co: 404, unrelated: 404 },
  },
  { method: 'get', path: (f) => `/workflows/${f.workflowId}/verify`, allowed: ['supervisor', 'admin'] },
  {
    method: 'post',
    path: () => '/admin/unit-transfers',
    body: () => ({ fromUnitCode: 'sx-statistics', toUnitCode: 'sx-sport' }),
    allowed: ['admin'],
  },
  { method: 'get', path: () => '/notices', allowed: EVERYONE },
  {
    method: 'post',
    path: (f) => `/notices/${f.coNoticeId}/read`,
    allowed: ['co'],
    refused: { lead: 404, unrelated: 404, supervisor: 404, leadership: 404, admin: 404 },
  },
  { method: 'get', path: () => '/admin/calendar-days', allowed: ['admin', 'supervisor'] },
  {
    method: 'post',
    path: () => '/admin/calendar-days',
    body: () => ({ days: [{ date: '2031-01-01', kind: 'holiday', note: '元旦' }] }),
    allowed: ['admin'],
  },
  {
    method: 'put',
    path: () => '/admin/units/sx-sport/webhook',
    body: () => ({ url: 'https://203.0.113.10/hook', secret: 's'.repeat(40) }),
    allowed: ['admin'],
  },
  { method: 'get', path: () => '/admin/units/sx-sport/webhook', allowed: ['admin'] },
  { method: 'get', path: () => '/admin/units/sx-sport/webhook/deliveries', allowed: ['admin'] },
  { method: 'delete', path: () => '/admin/units/sx-sport/webhook', allowed: ['admin'] },
  { method: 'get', path: () => '/admin/queues', allowed: ['admin'] },
  { method: 'get', path: () => '/admin/users', allowed: ['admin'] },
  {
    method: 'post',
    path: () => '/reports',
    body: (f) => ({ documentId: f.documentId, quarter: '2026Q3' }),
    allowed: EVERYONE,
  },
  { method: 'get', path: () => '/reports', allowed: EVERYONE },
  { method: 'get', path: (f) => `/reports/${f.allUnitsReportId}`, allowed: ['supervisor', 'leadership', 'admin'] },
  {
    method: 'get',
    path: (f) => `/reports/${f.allUnitsReportId}/files/json`,
    allowed: ['supervisor', 'leadership', 'admin'],
  },
];

const label = (route: Route) =>
  `${route.method.toUpperCase()} ${route.path({ documentId: ':doc', launchedMeasureId: ':m', otherMeasureId: ':m2', unassignedMeasureId: ':m3', workflowId: ':wf', leadTaskId: ':lead', coTaskId: ':co', coNoticeId: ':notice', allUnitsReportId: ':report' })}`;

describe('every endpoint, every kind of caller', () => {
  let api: TestApi;
  const tokens = {} as Record<Who, string>;
  let fixture: Fixture;

  const call = (route: Route, token: string | null) => {
    const request = api.http[route.method](route.path(fixture));
    if (token !== null) request.set('Authorization', `Bearer ${token}`);
    return route.body ? request.send(route.body(fixture)) : request;
  };

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    for (const who of EVERYONE) {
      const [unitCode, role] = USERS[who];
      Object.assign(tokens, await api.createUsers([[who, unitCode, role]]));
    }
    const { documentId } = await api.app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const sql = api.app.get(DataSource);
    const measureId = async (path: string) =>
      (await sql.query(`SELECT id FROM measures WHERE document_id = $1 AND path = $2`, [documentId, path]))[0]
        .id as string;
    const launchedMeasureId = await measureId('二.(一).1');
    await api.http
      .post(`/documents/${documentId}/launch`)
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .send({ measureIds: [launchedMeasureId], defaultDeadline: '2027-06-30' })
      .expect(201);
    const tasks: { id: string; kind: string; workflowId: string }[] = await sql.query(
      `SELECT id, kind, workflow_id AS "workflowId" FROM tasks`,
    );
    const leadTaskId = tasks.find((task) => task.kind === 'lead')!.id;
    const coTaskId = tasks.find((task) => task.kind === 'co')!.id;
    // Both units acknowledge, so that state allows what the matrix asks and only authority decides.
    await api.http
      .post(`/tasks/${leadTaskId}/actions/acknowledge`)
      .set('Authorization', `Bearer ${tokens.lead}`)
      .expect(200);
    await api.http
      .post(`/tasks/${coTaskId}/actions/acknowledge`)
      .set('Authorization', `Bearer ${tokens.co}`)
      .expect(200);
    const [notice] = await sql.query(`SELECT id FROM notices WHERE unit_code = 'sx-forestry-grassland' LIMIT 1`);
    const report = await api.http
      .post('/reports')
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .send({ documentId, quarter: '2026Q3' })
      .expect(202);
    fixture = {
      documentId,
      launchedMeasureId,
      otherMeasureId: await measureId('二.(三).2'),
      unassignedMeasureId: await measureId('五.(一)'),
      workflowId: tasks[0].workflowId,
      leadTaskId,
      coTaskId,
      coNoticeId: notice.id,
      allUnitsReportId: report.body.id,
    };
  });

  afterAll(() => api.close());

  describe.each(ROUTES.map((route) => [label(route), route] as const))('%s', (_, route) => {
    it('refuses a missing, expired, forged or unsigned token with 401', async () => {
      const claims = {
        sub: '00000000-0000-4000-8000-000000000000',
        username: 'supervisor',
        unit: 'sx-supervision-office',
        roles: ['admin', 'supervisor'],
      };
      const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({
        ...claims,
        exp: Math.floor(Date.now() / 1000) - 60,
      });
      const forged = new JwtService({ secret: 'another-secret-of-at-least-32-characters!!' }).sign(claims);
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
      for (const token of [null, expired, forged, unsigned, 'not-a-token']) {
        const response = await call(route, token);
        expect([route.path(fixture), token === null ? 'none' : token.slice(0, 12), response.status]).toEqual([
          route.path(fixture),
          token === null ? 'none' : token.slice(0, 12),
          401,
        ]);
      }
    });

    it('answers each caller as its unit and role allow, and a refusal carries none of the task’s data', async () => {
      const refusedFirst = [...EVERYONE].sort(
        (a, b) => Number(route.allowed.includes(a)) - Number(route.allowed.includes(b)),
      );
      for (const who of refusedFirst) {
        const response = await call(route, tokens[who]);
        if (route.allowed.includes(who)) {
          expect([who, response.status < 500 && ![401, 403, 404].includes(response.status)]).toEqual([who, true]);
        } else {
          expect([who, response.status]).toEqual([who, route.refused?.[who] ?? 403]);
          expect(JSON.stringify(response.body ?? '')).not.toContain(MEASURE_TITLE);
        }
      }
    });
  });

  describe('lists show a unit its own things only', () => {
    it('a unit with no part in the measure sees no task, no notice and no report but its own', async () => {
      const tasks = await api.http
        .get('/tasks?scope=mine')
        .set('Authorization', `Bearer ${tokens.unrelated}`)
        .expect(200);
      expect(tasks.body.items).toEqual([]);
      const assigned = await api.http
        .get('/tasks?scope=assigned')
        .set('Authorization', `Bearer ${tokens.unrelated}`)
        .expect(200);
      expect(assigned.body.items).toEqual([]);
      const notices = await api.http.get('/notices').set('Authorization', `Bearer ${tokens.unrelated}`).expect(200);
      const ownNoticeIds: { id: string }[] = await api.app
        .get(DataSource)
        .query(`SELECT id FROM notices WHERE unit_code = 'sx-education'`);
      expect(notices.body.items.map((notice: { id: string }) => notice.id).sort()).toEqual(
        ownNoticeIds.map((notice) => notice.id).sort(),
      );
      const reports = await api.http.get('/reports').set('Authorization', `Bearer ${tokens.unrelated}`).expect(200);
      expect(reports.body.every((report: { scopeUnitCode: string }) => report.scopeUnitCode === 'sx-education')).toBe(
        true,
      );
    });

    it('the co-responsible unit sees its own task, not its lead unit’s', async () => {
      const mine = await api.http.get('/tasks?scope=mine').set('Authorization', `Bearer ${tokens.co}`).expect(200);
      expect(mine.body.items.map((task: { id: string }) => task.id)).toEqual([fixture.coTaskId]);
      await api.http.get(`/tasks/${fixture.leadTaskId}`).set('Authorization', `Bearer ${tokens.co}`).expect(404);
    });
  });
});
