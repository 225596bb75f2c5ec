import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, PHONE, SCREENSHOTS, seriousViolations, shows, startConsole } from './browser';

const SEED = join(__dirname, '..', '..', 'seeds', 'shanxi-consumer-services-action-plan-2022.txt');

/** 文件管理: the supervisor imports the 2022 action plan through the console, sees what was parsed, launches one. */
describe('console: the supervisor’s documents page, from upload to launch (real browser)', () => {
  let harness: ConsoleHarness;

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    await harness.api.createUser('supervisor', 'sx-supervision-office', ['supervisor']);
  });

  afterAll(() => harness.close());

  it('imports the document, shows its measures and diagnostics, and launches a chosen measure', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'supervisor');
    await page.getByRole('link', { name: '文件管理' }).click();
    await page.waitForURL('**/console/documents');
    await page.locator('input[type=file]').setInputFiles(SEED);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const result = page.getByTestId('import-result');
    await shows(result, '已导入新文件');
    const [{ total, needing }] = await query<{ total: number; needing: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE needs_assignment)::int AS needing FROM measures`,
    );
    await shows(result, `共 ${total} 项，待指定单位 ${needing} 项`);
    expect(await seriousViolations(page)).toEqual([]);

    const row = page.getByRole('row').filter({ hasText: '实施A级旅游景区倍增计划' });
    await shows(row, '二.(一).1', '牵头：', '未下达');
    await row.getByRole('checkbox').check();
    await page.getByLabel('统一期限').click();
    await page.getByLabel('统一期限').fill('2027年6月30日');
    await page.getByLabel('统一期限').press('Enter');
    await page.getByRole('button', { name: '下达所选措施（1）' }).click();
    await shows(row, '已下达');
    const tasks = await query<{ kind: string }>(
      `SELECT t.kind FROM tasks t JOIN workflows w ON w.id = t.workflow_id JOIN measures m ON m.id = w.measure_id WHERE m.path = '二.(一).1' ORDER BY t.kind`,
    );
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    expect(tasks.filter((task) => task.kind === 'lead')).toHaveLength(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'documents-1366x768.png'), fullPage: true });

    await page.setViewportSize(PHONE);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'documents-390x844.png'), fullPage: true });
  });
});
