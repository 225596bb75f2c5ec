import { WebhookSender } from '@app/notifications';
import { WebhookReceiver } from '../notifications/webhook-receiver';
import { startTestApi, type TestApi } from '../support/api';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';

/** A webhook may not reach inside: refused when saved, and again when sent (DNS may have changed since). */
describe('webhook addresses', () => {
  let api: TestApi;
  let admin: string;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    api = await startTestApi();
    ({ admin } = await api.createUsers([['admin', 'sx-government-office', 'admin']]));
    await receiver.start();
  });

  afterAll(async () => {
    await receiver.stop();
    await api.close();
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:6379/',
    'http://localhost:5432/',
    'http://127.0.0.1/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://2130706433/',
    'http://192.168.1.20/hook',
    'http://[fd12::1]/hook',
    'http://0.0.0.0/',
    'https://8.8.8.8:22/',
    'gopher://8.8.8.8/',
  ])('refuses %s at save with 400 naming the url', async (url) => {
    const response = await api.http
      .put('/admin/units/sx-sport/webhook')
      .set('Authorization', `Bearer ${admin}`)
      .send({ url, secret: SECRET })
      .expect(400);
    expect(response.body.field).toBe('url');
    await api.http.get('/admin/units/sx-sport/webhook').set('Authorization', `Bearer ${admin}`).expect(404);
  });

  it('accepts a public receiver on an allowed port', async () => {
    await api.http
      .put('/admin/units/sx-sport/webhook')
      .set('Authorization', `Bearer ${admin}`)
      .send({ url: 'https://8.8.8.8/hook', secret: SECRET })
      .expect(200);
  });

  it('refuses at send an address saved before it turned internal, and the receiver gets nothing', async () => {
    const sent = await api.app.get(WebhookSender).post(receiver.url('/inside'), '{}', {});
    expect(sent).toEqual({ ok: false, status: null, error: expect.stringMatching(/^地址被拒绝/) });
    const byName = await api.app
      .get(WebhookSender)
      .post(receiver.url('/inside').replace('127.0.0.1', 'localhost'), '{}', {});
    expect(byName.ok).toBe(false);
    expect(receiver.to('/inside')).toHaveLength(0);
  });
});
