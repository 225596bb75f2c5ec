import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api';

const FORBIDDEN = ['\u0000', '\uFFFE', '\uFFFF', '\u0001', '\u001B', '\uD800'];
const FAKE_ID = '00000000-0000-4000-8000-000000000000';

/** Every free-text field refuses the characters XML 1.0 forbids, NUL included, with 400 naming the field. */
describe('one text rule for every free-text field', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let taskId: string;
  let measureId: string;

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['officer', 'sx-sport', 'officer'],
      ['admin', 'sx-government-office', 'admin'],
    ]);
    ({ measureId } = await api.launchSeedMeasure('二.(三).2', '2027-06-30', tokens.supervisor));
    const inbox = await api.http.get('/tasks').set('Authorization', `Bearer ${tokens.officer}`).expect(200);
    taskId = inbox.body.items[0].id;
  });

  afterAll(() => api.close());

  /** [who, method, path, body with the field set to `text`, the field's name in the answer] */
  const fields: [string, 'post' | 'put' | 'patch', (text: string) => string, (text: string) => object, string][] = [
    [
      'officer',
      'post',
      () => `/tasks/${taskId}/progress-reports`,
      (text) => ({ quarter: '2026Q3', text, percentDone: 10 }),
      'text',
    ],
    [
      'supervisor',
      'post',
      () => `/tasks/${taskId}/progress-reports/${FAKE_ID}/review`,
      (reason) => ({ decision: 'return', reason }),
      'reason',
    ],
    ['officer', 'post', () => `/tasks/${taskId}/actions/object`, (reason) => ({ reason }), 'reason'],
    ['supervisor', 'post', () => `/tasks/${taskId}/actions/remind`, (message) => ({ message }), 'message'],
    [
      'officer',
      'post',
      () => `/tasks/${taskId}/subtasks`,
      (title) => ({ subtasks: [{ unitCode: 'sx-sport', title, deadline: '2027-05-31' }] }),
      'subtasks.0.title',
    ],
    [
      'officer',
      'post',
      () => `/tasks/${taskId}/subtasks`,
      (division) => ({ subtasks: [{ unitCode: 'sx-sport', division, title: '分解', deadline: '2027-05-31' }] }),
      'subtasks.0.division',
    ],
    [
      'supervisor',
      'put',
      () => `/measures/${measureId}/units`,
      (note) => ({ leadUnitCode: 'sx-sport', coUnitCodes: [], note }),
      'note',
    ],
    [
      'admin',
      'post',
      () => '/admin/unit-transfers',
      (reason) => ({ fromUnitCode: 'sx-statistics', toUnitCode: 'sx-sport', reason }),
      'reason',
    ],
    [
      'admin',
      'post',
      () => '/admin/calendar-days',
      (note) => ({ days: [{ date: '2031-01-01', kind: 'holiday', note }] }),
      'days.0.note',
    ],
    [
      'admin',
      'post',
      () => '/admin/users',
      (displayName) => ({
        username: 'someone',
        displayName,
        unitCode: 'sx-sport',
        roles: ['officer'],
        password: 'a password of 2026',
      }),
      'displayName',
    ],
    [
      'admin',
      'post',
      () => '/admin/users',
      (username) => ({ username, unitCode: 'sx-sport', roles: ['officer'], password: 'a password of 2026' }),
      'username',
    ],
  ];

  it.each(
    fields.map(
      ([who, method, path, body, field]) =>
        [`${method.toUpperCase()} ${path('')} ${field}`, who, method, path, body, field] as const,
    ),
  )('%s refuses each forbidden character with 400 naming the field', async (_, who, method, path, body, field) => {
    for (const character of FORBIDDEN) {
      const response = await api.http[method](path(character))
        .set('Authorization', `Bearer ${tokens[who]}`)
        .send(body(`第一季度${character}进展`));
      expect([character.codePointAt(0), response.status, response.body.code, response.body.field]).toEqual([
        character.codePointAt(0),
        400,
        'FORBIDDEN_CHARACTER',
        field,
      ]);
    }
  });

  it('refuses them in a query and a path parameter too', async () => {
    const query = await api.http
      .get('/tasks')
      .query({ state: 'assigned\u0000' })
      .set('Authorization', `Bearer ${tokens.officer}`);
    expect([query.status, query.body.field]).toEqual([400, 'state']);
    const path = await api.http.get('/documents/%00').set('Authorization', `Bearer ${tokens.officer}`);
    expect([path.status, path.body.field]).toEqual([400, 'reference']);
  });

  it('stored none of them, and takes text with tabs, line breaks and characters beyond the BMP', async () => {
    const stored = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM progress_reports`);
    expect(stored).toEqual([{ n: 0 }]);
    await api.http
      .post(`/tasks/${taskId}/actions/remind`)
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .send({ message: '请\t尽快核查\r\n𠀀字与😀' })
      .expect(200);
  });
});
