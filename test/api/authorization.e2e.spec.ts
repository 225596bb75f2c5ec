import { DataSource } from 'typeorm';
import { DocumentImporter } from '@app/documents';
import { startTestApi, TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';

type User =
  | 'supervisor'
  | 'sport-officer'
  | 'sport-leader'
  | 'taiyuan-officer'
  | 'taiyuan-leader'
  | 'taiyuan-reader'
  | 'culture-officer'
  | 'province-leadership'
  | 'admin';

interface Step {
  action: string;
  by: User;
  body?: object;
}

interface Case {
  action: string;
  /** Steps that bring a fresh subtask to a state where `action` is allowed. */
  setup: Step[];
  right: User;
  /** A user of a unit that stands in the task, with the wrong role or relation: 403. */
  wrong: User;
  /** The system administrator may also take it (reassign and cancel, for reorganised units). */
  admin?: true;
  body?: object;
}

const acknowledged: Step[] = [{ action: 'acknowledge', by: 'taiyuan-officer' }];
const started: Step[] = [...acknowledged, { action: 'start', by: 'taiyuan-officer' }];
const submitted: Step[] = [...started, { action: 'submit', by: 'taiyuan-leader' }];
const objected: Step[] = [{ action: 'object', by: 'taiyuan-officer', body: { reason: '不属于本单位职责' } }];
const extensionAsked: Step[] = [
  ...acknowledged,
  { action: 'request_extension', by: 'taiyuan-officer', body: { until: '2027-05-31', reason: '需要更多时间' } },
];

/** For every action on a subtask (太原 holds it, 省体育局 assigned it): the right user succeeds, a wrong role is refused, an unrelated unit sees nothing. */
const CASES: Case[] = [
  { action: 'acknowledge', setup: [], right: 'taiyuan-officer', wrong: 'taiyuan-reader' },
  { action: 'start', setup: acknowledged, right: 'taiyuan-officer', wrong: 'taiyuan-reader' },
  { action: 'submit', setup: started, right: 'taiyuan-leader', wrong: 'taiyuan-officer' },
  { action: 'approve', setup: submitted, right: 'sport-leader', wrong: 'sport-officer' },
  { action: 'return', setup: submitted, right: 'sport-leader', wrong: 'taiyuan-leader', body: { reason: '材料不全' } },
  {
    action: 'object',
    setup: [],
    right: 'taiyuan-officer',
    wrong: 'taiyuan-reader',
    body: { reason: '不属于本单位职责' },
  },
  { action: 'confirm_objection', setup: objected, right: 'supervisor', wrong: 'sport-leader' },
  {
    action: 'reassign',
    setup: objected,
    right: 'supervisor',
    wrong: 'sport-leader',
    admin: true,
    body: { unitCode: 'sx-city-datong' },
  },
  {
    action: 'request_extension',
    setup: acknowledged,
    right: 'taiyuan-officer',
    wrong: 'taiyuan-reader',
    body: { until: '2027-05-31', reason: '需要更多时间' },
  },
  { action: 'approve_extension', setup: extensionAsked, right: 'sport-leader', wrong: 'sport-officer' },
  {
    action: 'refuse_extension',
    setup: extensionAsked,
    right: 'sport-leader',
    wrong: 'taiyuan-leader',
    body: { reason: '时限不能推迟' },
  },
  {
    action: 'cancel',
    setup: acknowledged,
    right: 'sport-leader',
    wrong: 'sport-officer',
    admin: true,
    body: { reason: '任务调整' },
  },
  {
    action: 'remind',
    setup: acknowledged,
    right: 'sport-officer',
    wrong: 'taiyuan-officer',
    body: { message: '请加快进度' },
  },
];

describe('who may take each action', () => {
  let api: TestApi;
  const tokens: Partial<Record<User, string>> = {};
  let leadTaskId: string;

  const post = (user: User, url: string, body: object = {}) =>
    api.http.post(url).set('Authorization', `Bearer ${tokens[user]}`).send(body);

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    const users: [User, string, 'officer' | 'leader' | 'supervisor' | 'leadership' | 'admin'][] = [
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['sport-officer', 'sx-sport', 'officer'],
      ['sport-leader', 'sx-sport', 'leader'],
      ['taiyuan-officer', 'sx-city-taiyuan', 'officer'],
      ['taiyuan-leader', 'sx-city-taiyuan', 'leader'],
      ['taiyuan-reader', 'sx-city-taiyuan', 'leadership'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
      ['province-leadership', 'sx-government', 'leadership'],
      ['admin', 'sx-government-office', 'admin'],
    ];
    for (const [username, unit, role] of users) {
      await api.createUser(username, unit, [role]);
      tokens[username] = await api.login(username);
    }
    const { documentId } = await api.app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const [measure] = await api.app
      .get(DataSource)
      .query(`SELECT id FROM measures WHERE document_id = $1 AND path = '二.(三).1'`, [documentId]);
    await post('supervisor', `/documents/${documentId}/launch`, {
      measureIds: [measure.id],
      defaultDeadline: '2027-06-30',
    }).expect(201);
    leadTaskId = (await api.http.get('/tasks').set('Authorization', `Bearer ${tokens['sport-officer']}`).expect(200))
      .body.items[0].id;
    await post('sport-officer', `/tasks/${leadTaskId}/actions/acknowledge`).expect(200);
  });

  afterAll(() => api.close());

  async function freshSubtask(): Promise<string> {
    const response = await post('sport-officer', `/tasks/${leadTaskId}/subtasks`, {
      subtasks: [{ unitCode: 'sx-city-taiyuan', title: '太原市体育产业基地建设', deadline: '2027-03-31' }],
    }).expect(201);
    return response.body.subtasks.at(-1).id;
  }

  it.each(CASES.map((testCase) => [testCase.action, testCase] as const))('%s', async (_action, testCase) => {
    const taskId = await freshSubtask();
    for (const step of testCase.setup)
      await post(step.by, `/tasks/${taskId}/actions/${step.action}`, step.body).expect(200);
    const url = `/tasks/${taskId}/actions/${testCase.action}`;

    const unrelated = await post('culture-officer', url, testCase.body).expect(404);
    expect(unrelated.body.code).toBe('TASK_NOT_FOUND');
    expect(JSON.stringify(unrelated.body)).not.toContain('太原');
    const wrong = await post(testCase.wrong, url, testCase.body).expect(403);
    expect(wrong.body.code).toBe('NOT_PERMITTED');
    // Leadership reads every task and acts on none; the administrator acts only where reorganisation needs it.
    const readers: User[] = testCase.admin ? ['province-leadership'] : ['province-leadership', 'admin'];
    for (const reader of readers) {
      const refused = await post(reader, url, testCase.body);
      expect([reader, refused.status, refused.body.code]).toEqual([reader, 403, 'NOT_PERMITTED']);
    }
    const noToken = await api.http
      .post(url)
      .send(testCase.body ?? {})
      .expect(401);
    expect(noToken.body.code).toBe('TOKEN_MISSING');

    const before = (
      await api.http.get(`/tasks/${taskId}`).set('Authorization', `Bearer ${tokens.supervisor}`).expect(200)
    ).body;
    const right = await post(testCase.right, url, testCase.body).expect(200);
    expect(right.body.version).toBe(before.version + 1);
    expect(right.body.history.at(-1)).toMatchObject({ action: testCase.action, actorUsername: testCase.right });
  });

  it.each(CASES.filter((testCase) => testCase.admin).map((testCase) => [testCase.action, testCase] as const))(
    'the administrator may %s',
    async (_action, testCase) => {
      const taskId = await freshSubtask();
      for (const step of testCase.setup)
        await post(step.by, `/tasks/${taskId}/actions/${step.action}`, step.body).expect(200);
      const done = await post('admin', `/tasks/${taskId}/actions/${testCase.action}`, testCase.body).expect(200);
      expect(done.body.history.at(-1)).toMatchObject({ action: testCase.action, actorUsername: 'admin' });
    },
  );
});
