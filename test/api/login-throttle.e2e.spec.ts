import { startTestApi, TestApi } from '../support/api';

describe('login throttling', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.createUser('supervisor', 'sx-supervision-office', ['supervisor']);
  });

  afterAll(() => api.close());

  it('refuses logins from one address after ten attempts a minute, even with the right password', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await api.http
        .post('/auth/login')
        .send({ username: 'supervisor', password: `guess-number-${attempt}` })
        .expect(401);
    }
    const throttled = await api.http
      .post('/auth/login')
      .send({ username: 'supervisor', password: 'test-password-2026' })
      .expect(429);
    expect(throttled.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(throttled.body).not.toHaveProperty('accessToken');
  });
});
