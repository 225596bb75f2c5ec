import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, PHONE, SCREENSHOTS, seriousViolations, shows, startConsole } from './browser';

/** The leadership view: rates per unit and per section from GET /statistics, and the quarterly bulletins. */
describe('console: the leadership view with its rates and the quarterly bulletins made and downloaded (real browser)', () => {
  let harness: ConsoleHarness;
  let documentId: string;

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);

  beforeAll(async () => {
    // The report worker runs in the same process, as the worker app does.
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'), { workers: true });
    const tokens = await harness.api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]);
    await harness.api.createUser('leadership', 'sx-government', ['leadership']);
    await harness.api.createUser('culture-officer', 'sx-culture-tourism', ['officer']);
    ({ documentId } = await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor));
  });

  afterAll(() => harness.close());

  it('shows each unit’s and section’s figures as the engine counts them', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'leadership', '/console/statistics');
    const supervisorToken = await harness.api.login('supervisor');
    const statistics = await harness.api.http
      .get(`/statistics?documentId=${documentId}`)
      .set('Authorization', `Bearer ${supervisorToken}`)
      .expect(200);
    expect(statistics.body.byUnit.length).toBeGreaterThanOrEqual(2);
    for (const row of statistics.body.byUnit as { name: string; tasks: number }[]) {
      await shows(page.getByRole('row').filter({ hasText: row.name }), String(row.tasks), '0%');
    }
    const [section] = statistics.body.bySection as { name: string }[];
    await page.getByRole('row').filter({ hasText: section.name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'statistics-1366x768.png'), fullPage: true });
  });

  it('makes a quarter’s bulletin on demand and downloads it as Word and Excel', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'leadership', '/console/statistics');
    await page.getByText('暂无通报，选择季度后点击「生成通报」').waitFor();
    await page.getByLabel('季度').fill('2026Q3');
    await page.getByRole('button', { name: '生成通报' }).click();
    const row = page.getByRole('row').filter({ hasText: '2026Q3' });
    await row.locator('[data-report-state="done"]').waitFor({ timeout: 60000 });
    const [report] = await query<{ id: string; state: string; requested_by: string }>(
      `SELECT id, state, requested_by FROM reports WHERE document_id = $1 AND quarter = '2026Q3'`,
      [documentId],
    );
    expect(report).toMatchObject({ state: 'done', requested_by: 'leadership' });

    for (const [button, extension] of [
      ['Word', 'docx'],
      ['Excel', 'xlsx'],
    ]) {
      const saved = page.waitForEvent('download');
      await row.getByRole('button', { name: button }).click();
      const download = await saved;
      expect(download.suggestedFilename()).toBe(`督查通报-2026Q3.${extension}`);
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an Office Open XML file is a zip
    }
    await page.setViewportSize(PHONE);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'statistics-390x844.png'), fullPage: true });
  });

  it('shows a unit officer the engine’s refusal, not the figures', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer', '/console/statistics');
    await page.getByRole('heading', { name: '统计分析' }).waitFor();
    await page.locator('.ant-typography-danger').first().waitFor();
    expect(await page.getByRole('link', { name: '统计分析' }).count()).toBe(0);
    expect(await page.getByRole('main').innerText()).not.toContain('林业和草原局');
  });
});
