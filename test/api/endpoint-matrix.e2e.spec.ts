import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { UserService } from '@app/access';
import { DocumentImporter, MeasureSuggestionService } from '@app/documents';
import { PDF } from '@app/testing';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from '../support/api';
import { ACTION_PLAN_2022, MODERN_SERVICES_PLAN_2021, seedBytes } from '../support/seeds';
import { until } from '../support/until';

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
  suggestedMeasureId: string;
  workflowId: string;
  leadTaskId: string;
  coTaskId: string;
  coNoticeId: string;
  coReportId: string;
  coAttachmentId: string;
  allUnitsReportId: string;
}

interface Route {
  /** The route as the application declares it: a declared route without a row fails the test. */
  route: `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => object;
  upload?: { field: string; content: () => Buffer; fileName: string };
  /** Brings the thing back to a state where the route applies, before each caller. */
  prepare?: (f: Fixture) => Promise<unknown>;
  allowed: Who[];
  /** The status each allowed caller gets, in the order of EVERYONE (one number when it is the same for all). */
  success: number | Partial<Record<Who, number>>;
  /** The answer for everyone else: 403, or 404 where the caller may not even know the thing exists. */
  refused?: Partial<Record<Who, 403 | 404>>;
}

const seesTheCoTask: Who[] = ['lead', 'co', 'supervisor', 'leadership', 'admin'];
const unitsFirstThenOversight = { lead: 202, co: 202, unrelated: 202, supervisor: 200, leadership: 200, admin: 200 };

/**
 * Routes that answer anyone, the one route whose matrix is per action (authorization.e2e.spec.ts),
 * logout, which would end the callers' tokens (security-tokens.e2e.spec.ts), and /metrics, with its
 * own bearer token rather than a user's (test/metrics).
 */
const COVERED_ELSEWHERE = [
  'POST /auth/login',
  'GET /health',
  'POST /tasks/:id/actions/:action',
  'POST /auth/logout',
  'GET /metrics',
];
/** Mounted by a module rather than declared by a controller. */
const MOUNTED = ['GET /admin/queues'];

let resubmitCoReport: (f: Fixture) => Promise<unknown> = async () => undefined;
/** A fresh user for the admin's user routes to change, made before each caller. */
let userToChange = '00000000-0000-4000-8000-000000000001';
let createUserToChange: () => Promise<unknown> = async () => undefined;

const ROUTES: Route[] = [
  { route: 'GET /auth/me', path: () => '/auth/me', allowed: EVERYONE, success: 200 },
  { route: 'GET /units', path: () => '/units', allowed: EVERYONE, success: 200 },
  {
    route: 'POST /documents',
    path: () => '/documents',
    upload: { field: 'file', content: () => seedBytes(MODERN_SERVICES_PLAN_2021), fileName: '2021.txt' },
    allowed: ['supervisor', 'admin'],
    // The second caller sends the same text: already imported.
    success: { supervisor: 201, admin: 200 },
  },
  { route: 'GET /documents', path: () => '/documents', allowed: EVERYONE, success: 200 },
  { route: 'GET /documents/:reference', path: (f) => `/documents/${f.documentId}`, allowed: EVERYONE, success: 200 },
  {
    route: 'GET /documents/:reference/measures',
    path: (f) => `/documents/${f.documentId}/measures`,
    allowed: EVERYONE,
    success: 200,
  },
  { route: 'GET /measures/:id', path: (f) => `/measures/${f.launchedMeasureId}`, allowed: EVERYONE, success: 200 },
  {
    route: 'GET /measures/:id/suggestions',
    path: (f) => `/measures/${f.unassignedMeasureId}/suggestions`,
    allowed: ['supervisor', 'admin'],
    success: 200,
  },
  {
    route: 'PUT /measures/:id/units',
    path: (f) => `/measures/${f.unassignedMeasureId}/units`,
    body: () => ({ leadUnitCode: 'sx-development-reform', coUnitCodes: [] }),
    allowed: ['supervisor'],
    success: 200,
  },
  {
    route: 'POST /measures/:id/units/accept-suggestion',
    path: (f) => `/measures/${f.suggestedMeasureId}/units/accept-suggestion`,
    allowed: ['supervisor'],
    success: 201,
  },
  {
    route: 'GET /documents/:reference/ladder',
    path: (f) => `/documents/${f.documentId}/ladder`,
    allowed: ['supervisor', 'admin'],
    success: 200,
  },
  {
    route: 'PUT /documents/:reference/ladder',
    path: (f) => `/documents/${f.documentId}/ladder`,
    body: () => ({ ladder: null }),
    allowed: ['supervisor'],
    success: 200,
  },
  {
    route: 'GET /documents/:reference/bulletin-settings',
    path: (f) => `/documents/${f.documentId}/bulletin-settings`,
    allowed: ['supervisor', 'admin'],
    success: 200,
  },
  {
    route: 'PUT /documents/:reference/bulletin-settings',
    path: (f) => `/documents/${f.documentId}/bulletin-settings`,
    body: () => ({
      masthead: '督查通报',
      issuingOffice: '省政府督查室',
      mainRecipients: '各责任单位',
      copyTo: null,
      signatory: '省政府督查室',
      printingOffice: '省政府督查室',
      reportBackWorkingDays: 10,
    }),
    allowed: ['supervisor'],
    success: 200,
  },
  {
    route: 'GET /documents/:reference/ledger',
    path: (f) => `/documents/${f.documentId}/ledger`,
    allowed: EVERYONE,
    success: 200,
  },
  {
    route: 'POST /documents/:reference/launch',
    path: (f) => `/documents/${f.documentId}/launch`,
    body: (f) => ({ measureIds: [f.otherMeasureId], defaultDeadline: '2027-06-30' }),
    allowed: ['supervisor'],
    success: 201,
  },
  { route: 'GET /tasks', path: () => '/tasks', allowed: EVERYONE, success: 200 },
  {
    route: 'GET /tasks',
    path: () => '/tasks?scope=all',
    allowed: ['supervisor', 'leadership', 'admin'],
    success: 200,
  },
  {
    route: 'GET /tasks/:id',
    path: (f) => `/tasks/${f.coTaskId}`,
    allowed: seesTheCoTask,
    success: 200,
    refused: { unrelated: 404 },
  },
  {
    route: 'GET /tasks/:id/progress-reports',
    path: (f) => `/tasks/${f.coTaskId}/progress-reports`,
    allowed: seesTheCoTask,
    success: 200,
    refused: { unrelated: 404 },
  },
  {
    route: 'POST /tasks/:id/progress-reports',
    path: (f) => `/tasks/${f.leadTaskId}/progress-reports`,
    body: () => ({ quarter: '2026Q3', text: '已完成景区摸底', percentDone: 10 }),
    allowed: ['lead'],
    success: 201,
    refused: { co: 404, unrelated: 404 },
  },
  {
    route: 'POST /tasks/:id/progress-reports/:reportId/review',
    path: (f) => `/tasks/${f.coTaskId}/progress-reports/${f.coReportId}/review`,
    body: () => ({ decision: 'return', reason: '请补充数据' }),
    prepare: (f) => resubmitCoReport(f),
    allowed: ['lead', 'supervisor'],
    success: 200,
    // The co-responsible unit holds the task, so it knows the report exists; it may not judge its own.
    refused: { unrelated: 404 },
  },
  {
    route: 'GET /tasks/:id/attachments',
    path: (f) => `/tasks/${f.coTaskId}/attachments`,
    allowed: seesTheCoTask,
    success: 200,
    refused: { unrelated: 404 },
  },
  {
    route: 'POST /tasks/:id/attachments',
    path: (f) => `/tasks/${f.coTaskId}/attachments`,
    upload: { field: 'file', content: () => PDF, fileName: '佐证材料.pdf' },
    allowed: ['co'],
    success: 201,
    refused: { unrelated: 404 },
  },
  {
    route: 'GET /tasks/:id/attachments/:attachmentId',
    path: (f) => `/tasks/${f.coTaskId}/attachments/${f.coAttachmentId}`,
    allowed: seesTheCoTask,
    success: 200,
    refused: { unrelated: 404 },
  },
  {
    route: 'POST /tasks/:id/subtasks',
    path: (f) => `/tasks/${f.leadTaskId}/subtasks`,
    body: () => ({ subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原市分解任务', deadline: '2027-01-29' }] }),
    allowed: ['lead'],
    success: 201,
    refused: { co: 404, unrelated: 404 },
  },
  {
    route: 'GET /workflows/:id/verify',
    path: (f) => `/workflows/${f.workflowId}/verify`,
    allowed: ['supervisor', 'admin'],
    success: 200,
  },
  {
    route: 'POST /admin/unit-transfers',
    path: () => '/admin/unit-transfers',
    body: () => ({ fromUnitCode: 'sx-statistics', toUnitCode: 'sx-sport' }),
    allowed: ['admin'],
    success: 201,
  },
  { route: 'GET /notices', path: () => '/notices', allowed: EVERYONE, success: 200 },
  { route: 'GET /notices/unread-count', path: () => '/notices/unread-count', allowed: EVERYONE, success: 200 },
  { route: 'POST /notices/read-all', path: () => '/notices/read-all', allowed: EVERYONE, success: 200 },
  { route: 'GET /tasks/tab-counts', path: () => '/tasks/tab-counts', allowed: EVERYONE, success: 200 },
  {
    route: 'POST /tasks/bulk/acknowledge',
    path: () => '/tasks/bulk/acknowledge',
    // Per-task results: a caller who may not acknowledge gets ok: false for the task, never its data.
    body: (f) => ({ taskIds: [f.coTaskId] }),
    allowed: EVERYONE,
    success: 200,
  },
  {
    route: 'POST /tasks/:id/instructions',
    path: (f) => `/tasks/${f.leadTaskId}/instructions`,
    body: () => ({ text: '请抓紧推进' }),
    allowed: ['supervisor', 'leadership'],
    success: 201,
  },
  { route: 'GET /board', path: () => '/board', allowed: ['supervisor', 'leadership', 'admin'], success: 200 },
  {
    route: 'GET /statistics',
    path: () => '/statistics',
    allowed: ['supervisor', 'leadership', 'admin'],
    success: 200,
  },
  {
    route: 'POST /notices/:id/read',
    path: (f) => `/notices/${f.coNoticeId}/read`,
    allowed: ['co'],
    success: 200,
    refused: { lead: 404, unrelated: 404, supervisor: 404, leadership: 404, admin: 404 },
  },
  {
    route: 'GET /admin/calendar-days',
    path: () => '/admin/calendar-days',
    allowed: ['admin', 'supervisor'],
    success: 200,
  },
  {
    route: 'POST /admin/calendar-days',
    path: () => '/admin/calendar-days',
    body: () => ({ days: [{ date: '2031-01-01', kind: 'holiday', note: '元旦' }] }),
    allowed: ['admin'],
    success: 201,
  },
  {
    route: 'PUT /admin/units/:code/webhook',
    path: () => '/admin/units/sx-sport/webhook',
    body: () => ({ url: 'https://203.0.113.10/hook', secret: 's'.repeat(40) }),
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'GET /admin/units/:code/webhook',
    path: () => '/admin/units/sx-sport/webhook',
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'GET /admin/units/:code/webhook/deliveries',
    path: () => '/admin/units/sx-sport/webhook/deliveries',
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'DELETE /admin/units/:code/webhook',
    path: () => '/admin/units/sx-sport/webhook',
    allowed: ['admin'],
    success: 204,
  },
  {
    route: 'GET /admin/units/:code/notice-channels',
    path: () => '/admin/units/sx-sport/notice-channels',
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'PUT /admin/units/:code/notice-channels',
    path: () => '/admin/units/sx-sport/notice-channels',
    body: () => ({ choices: { assignment: ['wecom'] } }),
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'GET /admin/users/:id/addresses',
    path: () => `/admin/users/${userToChange}/addresses`,
    prepare: () => createUserToChange(),
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'PUT /admin/users/:id/addresses',
    path: () => `/admin/users/${userToChange}/addresses`,
    prepare: () => createUserToChange(),
    body: () => ({ wecomUserId: `w${userToChange.slice(0, 8)}` }),
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'POST /admin/user-addresses/import',
    path: () => '/admin/user-addresses/import',
    body: () => ({ csv: 'username,dingtalkUserId,wecomUserId,mobile\nlead,ding-lead,WeLead,' }),
    allowed: ['admin'],
    success: 200,
  },
  { route: 'GET /admin/queues', path: () => '/admin/queues', allowed: ['admin'], success: 200 },
  { route: 'GET /admin/users', path: () => '/admin/users', allowed: ['admin'], success: 200 },
  { route: 'POST /auth/dashboard-session', path: () => '/auth/dashboard-session', allowed: ['admin'], success: 204 },
  {
    route: 'POST /admin/users',
    path: () => '/admin/users',
    body: () => ({ username: 'newcomer', unitCode: 'sx-sport', roles: ['officer'], password: 'welcome aboard 2026' }),
    allowed: ['admin'],
    success: 201,
  },
  {
    route: 'PATCH /admin/users/:id',
    path: () => `/admin/users/${userToChange}`,
    prepare: () => createUserToChange(),
    body: () => ({ roles: ['leader'] }),
    allowed: ['admin'],
    success: 200,
  },
  {
    route: 'POST /admin/users/:id/password',
    path: () => `/admin/users/${userToChange}/password`,
    prepare: () => createUserToChange(),
    body: () => ({ password: 'a new password 2027' }),
    allowed: ['admin'],
    success: 204,
  },
  {
    route: 'DELETE /admin/users/:id',
    path: () => `/admin/users/${userToChange}`,
    prepare: () => createUserToChange(),
    allowed: ['admin'],
    success: 204,
  },
  {
    route: 'POST /reports',
    path: () => '/reports',
    body: (f) => ({ documentId: f.documentId, quarter: '2026Q3' }),
    allowed: EVERYONE,
    // A unit's first request queues its own edition; the oversight roles share the all-units one, already asked for.
    success: unitsFirstThenOversight,
  },
  { route: 'GET /reports', path: () => '/reports', allowed: EVERYONE, success: 200 },
  {
    route: 'GET /reports/:id',
    path: (f) => `/reports/${f.allUnitsReportId}`,
    allowed: ['supervisor', 'leadership', 'admin'],
    success: 200,
    refused: { lead: 404, co: 404, unrelated: 404 },
  },
  {
    route: 'GET /reports/:id/files/:format',
    path: (f) => `/reports/${f.allUnitsReportId}/files/json`,
    allowed: ['supervisor', 'leadership', 'admin'],
    success: 200,
    refused: { lead: 404, co: 404, unrelated: 404 },
  },
];

/** The first measure of the document that names no unit and for which similar measures suggest some. */
async function firstSuggested(api: TestApi, documentId: string): Promise<string> {
  const unassigned: { id: string }[] = await api.app.get(DataSource).query(
    `SELECT m.id FROM measures m WHERE m.document_id = $1 AND m.path <> '五.(一)'
       AND NOT EXISTS (SELECT 1 FROM measure_units mu WHERE mu.measure_id = m.id) ORDER BY m.path`,
    [documentId],
  );
  const suggestions = api.app.get(MeasureSuggestionService);
  for (const { id } of unassigned) if ((await suggestions.suggest(id)).suggestions.length > 0) return id;
  throw new Error('no unassigned measure of the 2022 plan has a suggestion');
}

/** Every route the application's controllers declare, as `METHOD /path/:param`. */
function declaredRoutes(app: INestApplication): string[] {
  const routes: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<object>;
      const prefix: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = controller.prototype[name as keyof object];
        if (typeof handler !== 'function') continue;
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) continue;
        const path = [prefix, Reflect.getMetadata(PATH_METADATA, handler) as string]
          .map((part) => part.replace(/^\/|\/$/g, ''))
          .filter(Boolean)
          .join('/');
        routes.push(`${RequestMethod[method]} /${path}`);
      }
    }
  }
  return routes;
}

const successOf = (route: Route, who: Who) => (typeof route.success === 'number' ? route.success : route.success[who]);

const label = (route: Route) =>
  `${route.route} (${route.path({ documentId: ':doc', launchedMeasureId: ':m', otherMeasureId: ':m2', unassignedMeasureId: ':m3', suggestedMeasureId: ':m4', workflowId: ':wf', leadTaskId: ':lead', coTaskId: ':co', coNoticeId: ':notice', coReportId: ':report', coAttachmentId: ':attachment', allUnitsReportId: ':bulletin' })})`;

describe('every endpoint, every kind of caller', () => {
  let api: TestApi;
  const tokens = {} as Record<Who, string>;
  let fixture: Fixture;

  const as = (who: Who) => ({
    post: (url: string) => api.http.post(url).set('Authorization', `Bearer ${tokens[who]}`),
  });

  const call = (route: Route, token: string | null) => {
    const method = route.route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const request = api.http[method](route.path(fixture));
    if (token !== null) request.set('Authorization', `Bearer ${token}`);
    if (route.upload) return request.attach(route.upload.field, route.upload.content(), route.upload.fileName);
    return route.body ? request.send(route.body(fixture)) : request;
  };

  beforeAll(async () => {
    // Launched in the third quarter, so that its progress can be reported once the quarter has ended.
    api = await startTestApi(new Date('2026-09-21T02:00:00Z'), { workers: true });
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
    await as('supervisor')
      .post(`/documents/${documentId}/launch`)
      .send({ measureIds: [launchedMeasureId], defaultDeadline: '2027-06-30' })
      .expect(201);
    const tasks: { id: string; kind: string; workflowId: string }[] = await sql.query(
      `SELECT id, kind, workflow_id AS "workflowId" FROM tasks`,
    );
    const leadTaskId = tasks.find((task) => task.kind === 'lead')!.id;
    const coTaskId = tasks.find((task) => task.kind === 'co')!.id;
    // Both units acknowledge, so that state allows what the matrix asks and only authority decides.
    await as('lead').post(`/tasks/${leadTaskId}/actions/acknowledge`).expect(200);
    await as('co').post(`/tasks/${coTaskId}/actions/acknowledge`).expect(200);
    api.clock.set(new Date('2026-11-23T02:00:00Z'));
    const coReport = { quarter: '2026Q3', text: '林草部门已完成景区林地核查', percentDone: 20 };
    const report = await as('co').post(`/tasks/${coTaskId}/progress-reports`).send(coReport).expect(201);
    createUserToChange = async () => {
      const username = `changed-${Math.random().toString(36).slice(2, 10)}`;
      userToChange = (
        await api.app
          .get(UserService)
          .create({ username, unitCode: 'sx-sport', roles: ['officer'], password: 'a password of 2026' })
      ).id;
    };
    resubmitCoReport = async () => {
      const [{ state }] = await sql.query(`SELECT state FROM progress_reports WHERE id = $1`, [report.body.id]);
      if (state === 'returned') await as('co').post(`/tasks/${coTaskId}/progress-reports`).send(coReport).expect(201);
    };
    const attachment = await as('co')
      .post(`/tasks/${coTaskId}/attachments`)
      .attach('file', PDF, '林草局佐证.pdf')
      .expect(201);
    const [notice] = await sql.query(`SELECT id FROM notices WHERE unit_code = 'sx-forestry-grassland' LIMIT 1`);
    const bulletin = await as('supervisor').post('/reports').send({ documentId, quarter: '2026Q3' }).expect(202);
    await until('the all-units bulletin', 60_000, async () => {
      const [{ state }] = await sql.query(`SELECT state FROM reports WHERE id = $1`, [bulletin.body.id]);
      return state === 'done';
    });
    fixture = {
      documentId,
      launchedMeasureId,
      otherMeasureId: await measureId('二.(三).2'),
      unassignedMeasureId: await measureId('五.(一)'),
      suggestedMeasureId: await firstSuggested(api, documentId),
      workflowId: tasks[0].workflowId,
      leadTaskId,
      coTaskId,
      coNoticeId: notice.id,
      coReportId: report.body.id,
      coAttachmentId: attachment.body.id,
      allUnitsReportId: bulletin.body.id,
    };
  });

  afterAll(() => api.close());

  it('has a row for every route the application declares, and no row for a route it does not', () => {
    const declared = declaredRoutes(api.app);
    const rows = new Set<string>(ROUTES.map((route) => route.route));
    expect(declared.filter((route) => !rows.has(route) && !COVERED_ELSEWHERE.includes(route))).toEqual([]);
    expect([...rows].filter((route) => !declared.includes(route) && !MOUNTED.includes(route))).toEqual([]);
    expect(COVERED_ELSEWHERE.filter((route) => !declared.includes(route))).toEqual([]);
  });

  describe.each(ROUTES.map((route) => [label(route), route] as const))('%s', (_, route) => {
    it('refuses a missing, expired, forged or unsigned token with 401', async () => {
      const claims = {
        sub: '00000000-0000-4000-8000-000000000000',
        username: 'supervisor',
        unit: 'sx-supervision-office',
        roles: ['admin', 'supervisor'],
        ver: 1,
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
        await route.prepare?.(fixture);
        const response = await call(route, tokens[who]);
        if (route.allowed.includes(who)) {
          expect([who, response.status, response.body?.code]).toEqual([who, successOf(route, who), undefined]);
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
