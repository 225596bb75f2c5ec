import { JwtService } from '@nestjs/jwt';
import { type ConsoleHarness, SCREENSHOTS, shows, startConsole } from './browser';
import { TEST_JWT_SECRET } from '../support/api';
import { join } from 'node:path';

describe('console: sign-in, the 待办 inbox, deep links and an expired token (real browser)', () => {
  let harness: ConsoleHarness;
  let leadTaskId: string;

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    const tokens = await harness.api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
      ['sport-officer', 'sx-sport', 'officer'],
    ]);
    await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor);
    const inbox = await harness.api.http.get('/tasks').set('Authorization', `Bearer ${tokens['culture-officer']}`);
    leadTaskId = inbox.body.items[0].id;
  });

  afterAll(() => harness.close());

  it('serves the console under /console/, sends / there, and keeps the API and missing assets as they were', async () => {
    const { http } = harness.api;
    await http.get('/').expect(302).expect('Location', '/console/');
    const deep = await http.get(`/console/tasks/${leadTaskId}`).expect(200).expect('Content-Type', /html/);
    expect(deep.text).toContain('<div id="root">');
    await http.get('/console/assets/not-there.js').expect(404);
    await http.get('/health').expect((response) => expect(response.status).not.toBe(302));
    await http.get('/tasks').expect(401);
  });

  it('signs in and lists the unit’s task: measure, role, deadline, light and the user in the header', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    const row = page.getByRole('row', { name: /二\.\(一\)\.1/ });
    await shows(row, '牵头', '2027年6月30日', '绿灯', '已分派');
    await shows(page.getByTestId('current-user'), '文化和旅游厅 · culture-officer');
    expect(page.url()).not.toMatch(/token|eyJ/);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-1366x768.png') });
  });

  it('says what to do when a tab is empty', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'sport-officer');
    await page.getByText('暂无待签收任务').waitFor();
  });

  it('opens a task from its row and keeps it open after a reload (deep link)', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    await page.getByRole('link', { name: /二\.\(一\)\.1/ }).click();
    await page.waitForURL(`**/console/tasks/${leadTaskId}`);
    await page.reload();
    await shows(page.locator('main'), '山西省文化和旅游厅（牵头）');
    expect(new URL(page.url()).pathname).toBe(`/console/tasks/${leadTaskId}`);
  });

  it('takes a user whose token the engine no longer accepts to the login page, and back to the task after', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({
      sub: '00000000-0000-4000-8000-000000000000',
      username: 'culture-officer',
      unit: 'sx-culture-tourism',
      roles: ['officer'],
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    // The tab still holds a session it believes valid, but the engine refuses the token (it expired there).
    await page.evaluate(
      `sessionStorage.setItem('console.session', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('console.session')), accessToken: '${expired}' }))`,
    );
    await page.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
    await page.waitForURL('**/console/login?next=*');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/tasks/${leadTaskId}`);
    await page.getByText('登录已失效或尚未登录，请重新登录').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('文化和旅游厅');

    await harness.login(page, 'culture-officer', new URL(page.url()).pathname + new URL(page.url()).search);
    await page.waitForURL(`**/console/tasks/${leadTaskId}`);
    await shows(page.locator('main'), '山西省文化和旅游厅（牵头）');
  });

  it('logs out: the engine refuses the token the tab held, and the console shows the login page', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    const token = (await page.evaluate(`JSON.parse(sessionStorage.getItem('console.session')).accessToken`)) as string;
    await harness.api.http.get('/tasks').set('Authorization', `Bearer ${token}`).expect(200);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL('**/console/login');
    await harness.api.http.get('/tasks').set('Authorization', `Bearer ${token}`).expect(401);
    await page.goto(`${harness.origin}/console/`);
    await page.waitForURL('**/console/login');
  });

  it('sends a visitor without a session from a deep link to the login page, keeping the link', async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.origin}/console/tasks/${leadTaskId}?from=mail`);
    await page.waitForURL('**/console/login?next=*');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/tasks/${leadTaskId}?from=mail`);
  });
});
