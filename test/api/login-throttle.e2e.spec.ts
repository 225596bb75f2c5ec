import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApi, TEST_PASSWORD, TestApi } from '../support/api';

/** A login attempt sent from one loopback address (127.0.0.x): the kernel takes the whole 127/8 on lo. */
function loginFrom(port: number, localAddress: string, password: string): Promise<number> {
  return loginAnswer(port, localAddress, password).then((answer) => answer.status);
}

function loginAnswer(port: number, localAddress: string, password: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username: 'supervisor', password });
    const sent = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('login throttling', () => {
  let api: TestApi;
  let port: number;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.createUser('supervisor', 'sx-supervision-office', ['supervisor']);
    token = await api.login('supervisor');
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });

  afterEach(() => jest.useRealTimers());
  afterAll(() => api.close());

  it('refuses logins from one address after ten attempts a minute, even with the right password', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect(await loginFrom(port, '127.0.0.2', `guess-number-${attempt}`)).toBe(401);
    const throttled = await api.http
      .post('/auth/login')
      .send({ username: 'supervisor', password: 'test-password-2026' })
      .set('X-Forwarded-For', '10.1.2.3');
    // supertest connects from 127.0.0.1: a different address from the one throttled above.
    expect(throttled.status).toBe(200);
    const refused = await loginAnswer(port, '127.0.0.2', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(refused.body).not.toContain('accessToken');
  });

  it('counts per address: another address logs in while the first is throttled', async () => {
    expect(await loginFrom(port, '127.0.0.2', TEST_PASSWORD)).toBe(429);
    expect(await loginFrom(port, '127.0.0.3', TEST_PASSWORD)).toBe(200);
  });

  it('leaves every other route alone for the throttled address', async () => {
    expect(await loginFrom(port, '127.0.0.2', TEST_PASSWORD)).toBe(429);
    await api.http.get('/health').expect((response) => expect(response.status).not.toBe(429));
    await api.http.get('/units').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('lets the address in again once its minute has passed', async () => {
    expect(await loginFrom(port, '127.0.0.2', TEST_PASSWORD)).toBe(429);
    // Only Date moves: the throttle counts attempts on the wall clock, and a minute is too long to sleep in a test.
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
      now: Date.now() + 61_000,
    });
    expect(await loginFrom(port, '127.0.0.2', TEST_PASSWORD)).toBe(200);
  });
});
