import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, PHONE, SCREENSHOTS, shows, startConsole } from './browser';

/** A measure's whole life through the console only: every user in a browser context of their own. */
describe('console: a measure from launch to 销号, clicked through by its units and the supervisor (real browser)', () => {
  let harness: ConsoleHarness;
  const pages: Record<string, Page> = {};
  let leadTaskId: string;

  const USERS = [
    ['supervisor', 'sx-supervision-office', 'supervisor'],
    ['culture-officer', 'sx-culture-tourism', 'officer'],
    ['culture-leader', 'sx-culture-tourism', 'leader'],
    ['forestry-officer', 'sx-forestry-grassland', 'officer'],
    ['forestry-leader', 'sx-forestry-grassland', 'leader'],
    ['taiyuan-officer', 'sx-city-taiyuan', 'officer'],
    ['taiyuan-leader', 'sx-city-taiyuan', 'leader'],
    ['datong-officer', 'sx-city-datong', 'officer'],
    ['datong-leader', 'sx-city-datong', 'leader'],
  ] as const;

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    // Created without an API login each: the engine allows 10 logins a minute from one address, and each
    // user signs in once through the login page below (9), plus the supervisor's launch through the API.
    for (const [username, unitCode, role] of USERS) await harness.api.createUser(username, unitCode, [role]);
    await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', await harness.api.login('supervisor'));
    for (const [username] of USERS) {
      pages[username] = await harness.newPage(username === 'forestry-officer' ? PHONE : undefined);
      await harness.login(pages[username], username);
    }
  });

  afterAll(() => harness.close());

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);

  /** Opens the user's only task with that role from the 全部 tab of the inbox. */
  async function openTask(username: string, role: '牵头' | '配合' | '分解'): Promise<Page> {
    const page = pages[username];
    await page.goto(`${harness.origin}/console/?tab=all`);
    await page.getByRole('row').filter({ hasText: role }).getByRole('link').click();
    await page.waitForURL('**/console/tasks/*');
    await page.getByTestId('task-state').waitFor();
    return page;
  }

  /** Clicks an action button, confirms its form, and waits for the task to show its new state. */
  async function act(page: Page, button: string, state: string, fill?: () => Promise<void>): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    await fill?.();
    await page.getByRole('button', { name: `确认${button}` }).click();
    await shows(page.getByTestId('task-state'), state);
  }

  it('the lead unit acknowledges and splits the task to two cities, never later than its own deadline', async () => {
    const page = await openTask('culture-officer', '牵头');
    leadTaskId = new URL(page.url()).pathname.split('/').pop() as string;
    await act(page, '签收', '已签收');
    await page.getByRole('button', { name: '分解任务' }).click();
    const dialog = page.getByRole('dialog', { name: '分解任务' });
    await dialog.getByRole('button', { name: '增加子任务' }).click();
    const rows = dialog.getByRole('group');
    for (const [index, [city, title]] of [
      ['太原市', '太原市景区创建'],
      ['大同市', '大同市景区创建'],
    ].entries()) {
      const row = rows.nth(index);
      await row.getByLabel('承办单位').fill(city);
      await page.keyboard.press('Enter');
      await row.getByLabel('任务名称').fill(title);
      await row.getByLabel('期限').fill('2027年5月31日');
      await page.keyboard.press('Tab');
    }
    await dialog.getByRole('button', { name: '确认分解' }).click();
    await shows(page.locator('main'), '太原市人民政府', '大同市人民政府');
    const subtasks = await query<{ unit_code: string; deadline: string }>(
      `SELECT unit_code, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM tasks WHERE parent_task_id = $1 AND kind = 'subtask' ORDER BY unit_code`,
      [leadTaskId],
    );
    expect(subtasks).toEqual([
      { unit_code: 'sx-city-datong', deadline: '2027-05-31' },
      { unit_code: 'sx-city-taiyuan', deadline: '2027-05-31' },
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'task-1366x768.png'), fullPage: true });
  });

  it('the co-responsible unit reports progress with an evidence file, on a phone', async () => {
    const page = await openTask('forestry-officer', '配合');
    await act(page, '签收', '已签收');
    // A quarter's report is taken once the quarter is over: the engine's clock moves into 2027.
    harness.api.clock.set(new Date('2027-01-05T02:00:00Z'));
    await page.getByRole('button', { name: '报送进展' }).click();
    const dialog = page.getByRole('dialog', { name: '报送进展' });
    await dialog.getByLabel('季度', { exact: true }).fill('2026Q4');
    await dialog.getByLabel('本季度进展').fill('已完成林草景区摸底，形成创建清单。');
    await dialog.getByLabel('完成进度（%）').fill('40');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '创建清单.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('林草景区创建清单\n'),
    });
    await dialog.getByRole('button', { name: '报送进展' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [report] = await query<{ quarter: string; percent_done: number; text: string }>(
      `SELECT r.quarter, r.percent_done, r.text FROM progress_reports r JOIN tasks t ON t.id = r.task_id WHERE t.unit_code = 'sx-forestry-grassland'`,
    );
    expect(report).toEqual({ quarter: '2026Q4', percent_done: 40, text: '已完成林草景区摸底，形成创建清单。' });
    const [file] = await query<{ file_name: string; purpose: string }>(
      `SELECT a.file_name, a.purpose FROM attachments a JOIN tasks t ON t.id = a.task_id WHERE t.unit_code = 'sx-forestry-grassland'`,
    );
    expect(file).toEqual({ file_name: '创建清单.txt', purpose: 'progress' });
    await page.screenshot({ path: join(SCREENSHOTS, 'progress-390x844.png'), fullPage: true });
  });

  it('the cities and the co-responsible unit finish, the lead unit approves each and submits, the supervisor closes it (销号)', async () => {
    for (const [officer, leader, role] of [
      ['taiyuan-officer', 'taiyuan-leader', '分解'],
      ['datong-officer', 'datong-leader', '分解'],
      ['forestry-officer', 'forestry-leader', '配合'],
    ] as const) {
      const officerPage = await openTask(officer, role);
      // The co-responsible unit acknowledged and reported progress already, which put its task in hand.
      if (role === '分解') {
        await act(officerPage, '签收', '已签收');
        await act(officerPage, '开始办理', '办理中');
      }
      await act(await openTask(leader, role), '报送办结', '已报送办结');
    }
    const leader = pages['culture-leader'];
    for (const unit of ['太原市人民政府', '大同市人民政府', '山西省林业和草原局']) {
      await leader.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
      await leader.getByRole('link', { name: unit }).click();
      await act(leader, '审核通过', '已审核通过');
    }
    const officer = pages['culture-officer'];
    await officer.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
    await act(officer, '开始办理', '办理中');
    await leader.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
    await act(leader, '报送办结', '已报送办结');

    const supervisor = pages.supervisor;
    await supervisor.goto(`${harness.origin}/console/tasks/${leadTaskId}`);
    await act(supervisor, '销号', '已审核通过');
    const [lead] = await query<{ state: string }>(`SELECT state FROM tasks WHERE id = $1`, [leadTaskId]);
    expect(lead.state).toBe('approved');
    const open = await query<{ count: number }>(`SELECT count(*)::int AS count FROM tasks WHERE state <> 'approved'`);
    expect(open[0].count).toBe(0);
  });
});
