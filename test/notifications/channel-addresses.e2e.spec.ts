import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api';

const DATA_KEY = Buffer.alloc(32, 42).toString('base64');

/** People's addresses and units' channels through the admin API, on a real database. */
describe('channel addresses', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  const ids: Record<string, string> = {};
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startTestApi(undefined, { env: { CHANNEL_DATA_KEY: DATA_KEY } });
    tokens = await api.createUsers([
      ['admin', 'sx-government-office', 'admin'],
      ['sport-officer', 'sx-sport', 'officer'],
      ['sport-leader', 'sx-sport', 'leader'],
      ['health-officer', 'sx-health', 'officer'],
    ]);
    const rows: { id: string; username: string }[] = await api.app
      .get(DataSource)
      .query('SELECT id, username FROM users');
    for (const row of rows) ids[row.username] = row.id;
  });

  afterAll(() => api.close());

  const stored = (): Promise<Record<string, unknown>[]> =>
    api.app
      .get(DataSource)
      .query(
        'SELECT u.username, a.* FROM user_channel_addresses a JOIN users u ON u.id = a.user_id ORDER BY u.username',
      );

  it('sets a person’s addresses, storing the mobile sealed and showing it masked only', async () => {
    const response = await api.http
      .put(`/admin/users/${ids['sport-officer']}/addresses`)
      .set(as(tokens.admin))
      .send({ dingtalkUserId: 'ding-sport-01', wecomUserId: 'SportOfficer', mobile: '+86 138 1234 5678' })
      .expect(200);
    expect(response.body).toMatchObject({
      username: 'sport-officer',
      dingtalkUserId: 'ding-sport-01',
      wecomUserId: 'SportOfficer',
      mobile: '138****5678',
    });
    const [row] = await stored();
    expect(row.mobile_masked).toBe('138****5678');
    expect(JSON.stringify(row)).not.toContain('12345678');
    const read = await api.http.get(`/admin/users/${ids['sport-officer']}/addresses`).set(as(tokens.admin)).expect(200);
    expect(JSON.stringify(read.body)).not.toContain('13812345678');
    expect(read.body.mobile).toBe('138****5678');
  });

  it('keeps what a change leaves out and clears what it sets to null', async () => {
    await api.http
      .put(`/admin/users/${ids['sport-officer']}/addresses`)
      .set(as(tokens.admin))
      .send({ dingtalkUserId: null })
      .expect(200)
      .expect((response) =>
        expect(response.body).toMatchObject({
          dingtalkUserId: null,
          wecomUserId: 'SportOfficer',
          mobile: '138****5678',
        }),
      );
  });

  it.each([
    [{ mobile: '1381234567' }, 400, 'MOBILE_INVALID', 'mobile'],
    [{ wecomUserId: '张三' }, 400, 'WECOM_USERID_INVALID', 'wecomUserId'],
    [{ wecomUserId: 'SportOfficer' }, 409, 'WECOM_USERID_TAKEN', 'wecomUserId'],
  ])('refuses %j with %i %s and changes nothing', async (body, status, code, field) => {
    const before = await stored();
    const response = await api.http
      .put(`/admin/users/${ids['health-officer']}/addresses`)
      .set(as(tokens.admin))
      .send(body)
      .expect(status);
    expect([response.body.code, response.body.field]).toEqual([code, field]);
    expect(JSON.stringify(response.body)).not.toContain('1381234567');
    expect(await stored()).toEqual(before);
  });

  it('is for admins only, and 404 for a user that does not exist', async () => {
    await api.http
      .put(`/admin/users/${ids['sport-officer']}/addresses`)
      .set(as(tokens['sport-leader']))
      .send({ mobile: '13900000000' })
      .expect(403);
    await api.http.get('/admin/users/00000000-0000-4000-8000-000000000009/addresses').set(as(tokens.admin)).expect(404);
  });

  it('imports a CSV whole, moving a userid between two people of the file', async () => {
    const csv = [
      'username,dingtalkUserId,wecomUserId,mobile',
      'sport-leader,ding-leader,SportOfficer,13900001111',
      'sport-officer,,SportOfficer2,',
      'health-officer,ding-health,,199 0000 2222',
    ].join('\n');
    const response = await api.http
      .post('/admin/user-addresses/import')
      .set(as(tokens.admin))
      .send({ csv })
      .expect(200);
    expect(response.body).toEqual({ imported: 3 });
    const rows = await stored();
    expect(rows.map((row) => [row.username, row.dingtalk_user_id, row.wecom_user_id, row.mobile_masked])).toEqual([
      ['health-officer', 'ding-health', null, '199****2222'],
      ['sport-leader', 'ding-leader', 'SportOfficer', '139****1111'],
      ['sport-officer', null, 'SportOfficer2', null],
    ]);
  });

  it('reports every bad row of a CSV by its line and imports nothing', async () => {
    const before = await stored();
    const csv = [
      'username,dingtalkUserId,wecomUserId,mobile',
      'sport-officer,ding-new,,13700000000',
      'nobody,,,',
      'sport-leader,,bad id,',
      'health-officer,ding-new,,',
      'admin,,SportOfficer2,12345',
    ].join('\n');
    const response = await api.http
      .post('/admin/user-addresses/import')
      .set(as(tokens.admin))
      .send({ csv })
      .expect(400);
    expect(response.body.code).toBe('CSV_ROWS_INVALID');
    expect(response.body.details.rows.map((row: { line: number; code: string }) => [row.line, row.code])).toEqual([
      [3, 'UNKNOWN_USER'],
      [4, 'WECOM_USERID_INVALID'],
      [5, 'DINGTALK_USERID_TAKEN'],
      [6, 'MOBILE_INVALID'],
    ]);
    expect(JSON.stringify(response.body)).not.toContain('13700000000');
    expect(await stored()).toEqual(before);
  });

  it('refuses a userid another person already holds, by line', async () => {
    const csv = 'sport-officer,ding-health,,';
    const response = await api.http
      .post('/admin/user-addresses/import')
      .set(as(tokens.admin))
      .send({ csv })
      .expect(400);
    expect(response.body.details.rows).toEqual([expect.objectContaining({ line: 1, code: 'DINGTALK_USERID_TAKEN' })]);
  });

  it('lets a unit choose channels per kind of notice, the inbox always on', async () => {
    const initial = await api.http.get('/admin/units/sx-sport/notice-channels').set(as(tokens.admin)).expect(200);
    expect(initial.body.choices.assignment).toEqual(['inbox']);
    const response = await api.http
      .put('/admin/units/sx-sport/notice-channels')
      .set(as(tokens.admin))
      .send({ choices: { assignment: ['wecom', 'wecom'], escalation: ['inbox', 'dingtalk', 'sms'] } })
      .expect(200);
    expect(response.body.choices).toMatchObject({
      assignment: ['inbox', 'wecom'],
      escalation: ['inbox', 'dingtalk', 'sms'],
      reminder: ['inbox'],
    });
    await api.http
      .put('/admin/units/sx-sport/notice-channels')
      .set(as(tokens.admin))
      .send({ choices: { reminder: ['dingtalk'] } })
      .expect(200)
      .expect((again) => expect(again.body.choices.assignment).toEqual(['inbox', 'wecom']));
  });

  it.each([
    [{ reminder: ['sms'] }, 'SMS_ONLY_FOR_ESCALATION'],
    [{ reminder: ['fax'] }, 'UNKNOWN_CHANNEL'],
    [{ gossip: ['wecom'] }, 'UNKNOWN_NOTICE_KIND'],
    [{ reminder: 'wecom' }, 'VALIDATION_FAILED'],
  ])('refuses the choice %j with %s', async (choices, code) => {
    const response = await api.http
      .put('/admin/units/sx-sport/notice-channels')
      .set(as(tokens.admin))
      .send({ choices })
      .expect(400);
    expect(response.body.code).toBe(code);
  });

  it('answers 404 for a unit that does not exist', async () => {
    await api.http.get('/admin/units/nowhere/notice-channels').set(as(tokens.admin)).expect(404);
  });
});

describe('channel addresses without a data key', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('stores no mobile (503) but still takes the userids', async () => {
    const { admin } = await api.createUsers([['admin', 'sx-government-office', 'admin']]);
    const [{ id }] = await api.app.get(DataSource).query(`SELECT id FROM users WHERE username = 'admin'`);
    const refused = await api.http
      .put(`/admin/users/${id}/addresses`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ wecomUserId: 'Admin', mobile: '13812345678' })
      .expect(503);
    expect(refused.body.code).toBe('MOBILE_KEY_NOT_CONFIGURED');
    await api.http
      .put(`/admin/users/${id}/addresses`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ wecomUserId: 'Admin' })
      .expect(200);
  });
});
