import { join } from 'node:path';
import { type ConsoleHarness, DESKTOP, PHONE, SCREENSHOTS, seriousViolations, startConsole } from './browser';

const MEASURE_TITLE = '实施A级旅游景区倍增计划';

describe('console: what a unit may not see, and accessibility of the main pages (real browser)', () => {
  let harness: ConsoleHarness;
  let leadTaskId: string;

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    const tokens = await harness.api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
    ]);
    await harness.api.createUser('sport-officer', 'sx-sport', ['officer']);
    await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor);
    const inbox = await harness.api.http.get('/tasks').set('Authorization', `Bearer ${tokens['culture-officer']}`);
    leadTaskId = inbox.body.items[0].id;
  });

  afterAll(() => harness.close());

  it('shows another unit’s task as a 404 page, with none of its data in the page or in any reply', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'sport-officer');
    const replies: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(harness.origin) && !response.url().includes('/assets/'))
        replies.push(response.text().catch(() => ''));
    });
    await page.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
    await page.getByText('任务不存在，或不在本单位的办理范围内').waitFor();
    await page.getByText('404').first().waitFor();
    expect(await page.content()).not.toContain(MEASURE_TITLE);
    const bodies = await Promise.all(replies);
    expect(bodies.some((body) => body.includes('TASK_NOT_FOUND'))).toBe(true);
    // The unit directory is public to every user; the task's measure (its title and number) must not leak.
    expect(bodies.filter((body) => body.includes(MEASURE_TITLE) || body.includes('二.(一).1'))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['1366x768', DESKTOP],
    ['390x844', PHONE],
  ])(
    'has no serious or critical axe-core violations on the login, inbox and task pages at %s',
    async (size, viewport) => {
      const page = await harness.newPage(viewport);
      await page.goto(`${harness.origin}/console/login`);
      await page.getByLabel('用户名').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `login-${size}.png`) });

      await harness.login(page, 'culture-officer');
      await page.getByRole('row').filter({ hasText: MEASURE_TITLE }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `inbox-${size}.png`), fullPage: true });

      await page.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
      await page.getByTestId('task-state').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `task-${size}.png`), fullPage: true });
    },
  );
});
