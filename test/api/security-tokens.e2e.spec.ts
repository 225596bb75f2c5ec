import { DataSource } from 'typeorm';
import { type Role, UserService } from '@app/access';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../support/api';

/** A token speaks for its user only as the user is now: disabled, demoted, deleted or logged out ends it. */
describe('tokens judged against the user as they are now', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ admin } = await api.createUsers([['admin', 'sx-government-office', 'admin']]));
  });

  afterAll(() => api.close());

  /** Creates each user and issues its token as login does, without spending the login throttle's attempts. */
  async function signIn(users: readonly (readonly [string, string, Role])[]): Promise<Record<string, string>> {
    const tokens: Record<string, string> = {};
    for (const [username, unitCode, role] of users) {
      await api.createUser(username, unitCode, [role]);
      const user = await api.app.get(UserService).authenticate(username, TEST_PASSWORD);
      tokens[username] = await api.app.get(TokenService).issue(user);
    }
    return tokens;
  }

  async function userId(username: string): Promise<string> {
    const [user]: { id: string }[] = await api.app
      .get(DataSource)
      .query('SELECT id FROM users WHERE username = $1', [username]);
    return user.id;
  }

  function asAdmin(method: 'patch' | 'delete' | 'post', path: string) {
    return api.http[method](path).set('Authorization', `Bearer ${admin}`);
  }

  it('a disabled user’s token ends at its next request', async () => {
    const { officer } = await signIn([['officer', 'sx-sport', 'officer']]);
    await api.http.get('/auth/me').set('Authorization', `Bearer ${officer}`).expect(200);
    await asAdmin('patch', `/admin/users/${await userId('officer')}`)
      .send({ disabled: true })
      .expect(200);
    const refused = await api.http.get('/tasks').set('Authorization', `Bearer ${officer}`).expect(401);
    expect(refused.body.code).toBe('TOKEN_REVOKED');
    await api.http.post('/auth/login').send({ username: 'officer', password: TEST_PASSWORD }).expect(401);
  });

  it('a demoted admin can no longer set webhooks or open the queue dashboard, and a new login has the new role', async () => {
    const { 'second-admin': demoted } = await signIn([['second-admin', 'sx-government-office', 'admin']]);
    const webhook = { url: 'https://203.0.113.10/hooks', secret: 'x'.repeat(32) };
    await api.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${demoted}`).expect(200);
    await asAdmin('patch', `/admin/users/${await userId('second-admin')}`)
      .send({ roles: ['officer'] })
      .expect(200);
    await api.http
      .put('/admin/units/sx-sport/webhook')
      .set('Authorization', `Bearer ${demoted}`)
      .send(webhook)
      .expect(401);
    await api.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${demoted}`).expect(401);
    await api.http.get('/admin/queues/api/queues').set('Cookie', `supervision_token=${demoted}`).expect(401);
    const again = await api.login('second-admin');
    await api.http
      .put('/admin/units/sx-sport/webhook')
      .set('Authorization', `Bearer ${again}`)
      .send(webhook)
      .expect(403);
    await api.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${again}`).expect(403);
  });

  it('a deleted officer can no longer act on a task', async () => {
    const { supervisor, leaver } = await signIn([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['leaver', 'sx-sport', 'officer'],
    ]);
    await api.launchSeedMeasure('二.(三).2', '2027-06-30', supervisor);
    const inbox = await api.http.get('/tasks').set('Authorization', `Bearer ${leaver}`).expect(200);
    const [task] = inbox.body.items;
    expect(task).toBeDefined();
    await asAdmin('delete', `/admin/users/${await userId('leaver')}`).expect(204);
    await api.http
      .post(`/tasks/${task.id}/actions/acknowledge`)
      .set('Authorization', `Bearer ${leaver}`)
      .send({})
      .expect(401);
    const events = await api.app
      .get(DataSource)
      .query(`SELECT 1 FROM task_events WHERE task_id = $1 AND action = 'acknowledge'`, [task.id]);
    expect(events).toHaveLength(0);
  });

  it('moving a user to another unit or resetting the password ends the old token', async () => {
    const { mover, forgetful } = await signIn([
      ['mover', 'sx-sport', 'leader'],
      ['forgetful', 'sx-sport', 'officer'],
    ]);
    await asAdmin('patch', `/admin/users/${await userId('mover')}`)
      .send({ unitCode: 'sx-health' })
      .expect(200);
    await api.http.get('/tasks').set('Authorization', `Bearer ${mover}`).expect(401);
    const moved = await api.http.get('/auth/me').set('Authorization', `Bearer ${await api.login('mover')}`);
    expect(moved.body.unitCode).toBe('sx-health');
    await asAdmin('post', `/admin/users/${await userId('forgetful')}/password`)
      .send({ password: 'a new password 2027' })
      .expect(204);
    await api.http.get('/tasks').set('Authorization', `Bearer ${forgetful}`).expect(401);
  });

  it('logout ends the token', async () => {
    const { walker } = await signIn([['walker', 'sx-sport', 'officer']]);
    await api.http.post('/auth/logout').set('Authorization', `Bearer ${walker}`).expect(204);
    await api.http.get('/auth/me').set('Authorization', `Bearer ${walker}`).expect(401);
    await api.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${await api.login('walker')}`)
      .expect(200);
  });

  it('only admins manage users, and every change is recorded with who made it', async () => {
    const { clerk } = await signIn([['clerk', 'sx-sport', 'leader']]);
    await api.http.get('/admin/users').set('Authorization', `Bearer ${clerk}`).expect(403);
    await api.http
      .patch(`/admin/users/${await userId('clerk')}`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ roles: ['admin'] })
      .expect(403);
    await asAdmin('post', '/admin/users')
      .send({ username: 'newcomer', unitCode: 'sx-sport', roles: ['officer'], password: 'welcome aboard 2026' })
      .expect(201);
    const bad = await asAdmin('patch', `/admin/users/${await userId('clerk')}`)
      .send({ unitCode: 'no-such-unit' })
      .expect(400);
    expect(bad.body.field).toBe('unitCode');
    const changes = await api.app
      .get(DataSource)
      .query(`SELECT username, action, actor_username FROM user_changes ORDER BY id`);
    expect(changes).toEqual(
      expect.arrayContaining([
        { username: 'officer', action: 'update', actor_username: 'admin' },
        { username: 'leaver', action: 'delete', actor_username: 'admin' },
        { username: 'forgetful', action: 'password_reset', actor_username: 'admin' },
        { username: 'walker', action: 'logout', actor_username: 'walker' },
        { username: 'newcomer', action: 'create', actor_username: 'admin' },
      ]),
    );
    expect(JSON.stringify(changes)).not.toContain('2027');
  });
});
