import { startTestApi, TestApi } from '../support/api';

describe('the queue dashboard', () => {
  let api: TestApi;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.createUser('admin', 'sx-government-office', ['admin']);
    await api.createUser('sport-officer', 'sx-sport', ['officer']);
    admin = await api.login('admin');
    officer = await api.login('sport-officer');
  });

  afterAll(() => api.close());

  it('is for admins only', async () => {
    await api.http.get('/admin/queues').expect(401);
    await api.http.get('/admin/queues').set('Authorization', `Bearer ${officer}`).expect(403);
    await api.http.get('/admin/queues/api/queues').set('Cookie', `supervision_token=${officer}`).expect(403);
  });

  it('shows the step queue to an admin, by header or by cookie', async () => {
    const page = await api.http.get('/admin/queues').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(page.text).toContain('<html');
    const queues = await api.http
      .get('/admin/queues/api/queues')
      .set('Cookie', `supervision_token=${admin}`)
      .expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toContain('steps');
  });
});
