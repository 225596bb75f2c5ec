import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, DESKTOP, PHONE, SCREENSHOTS, seriousViolations, shows, startConsole } from './browser';

interface BoardRow {
  unitCode: string;
  unitName: string;
  tasks: number;
  notAcknowledged: number;
}

/** 督办台: the supervisor's grid of units × counts, each count opening its list, and 催办 of a selection. */
describe('console: the supervisor’s 督办台, its counts’ lists and manual 催办 (real browser)', () => {
  let harness: ConsoleHarness;
  let supervisorToken: string;
  let supervisor: Page;
  let rows: BoardRow[];

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    const tokens = await harness.api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]);
    supervisorToken = tokens.supervisor;
    await harness.api.createUser('culture-officer', 'sx-culture-tourism', ['officer']);
    await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', supervisorToken);
    const board = await harness.api.http.get('/board').set('Authorization', `Bearer ${supervisorToken}`).expect(200);
    rows = board.body.rows;
    supervisor = await harness.newPage();
    await harness.login(supervisor, 'supervisor', '/console/board');
  });

  afterAll(() => harness.close());

  it('shows every unit holding tasks with the engine’s counts', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(2);
    await supervisor.getByRole('heading', { name: '督办台' }).waitFor();
    for (const row of rows) {
      await shows(supervisor.getByRole('row').filter({ hasText: row.unitName }), String(row.tasks));
      await supervisor.getByRole('link', { name: `${row.unitName}未签收 ${row.notAcknowledged} 项` }).waitFor();
    }
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'board-1366x768.png'), fullPage: true });
  });

  it('opens exactly the list a count counts, and reminds the chosen tasks’ units', async () => {
    const culture = rows.find((row) => row.unitCode === 'sx-culture-tourism') as BoardRow;
    await supervisor.getByRole('link', { name: `${culture.unitName}未签收 1 项` }).click();
    await supervisor.waitForURL('**/console/board/tasks?unitCode=sx-culture-tourism&filter=not_acknowledged');
    await supervisor.getByRole('heading', { name: `督办台 · ${culture.unitName} · 未签收（1）` }).waitFor();
    const [task] = await query<{ id: string }>(
      `SELECT id FROM tasks WHERE unit_code = 'sx-culture-tourism' AND state = 'assigned'`,
    );
    const listed = supervisor.getByRole('row').filter({ has: supervisor.getByRole('link') });
    await shows(listed, '二.(一).1', '牵头', '已分派');
    expect(await listed.count()).toBe(1);
    expect(await seriousViolations(supervisor)).toEqual([]);

    await supervisor.getByRole('checkbox', { name: /^选择 二\.\(一\)\.1/ }).check();
    await supervisor.getByRole('button', { name: '催办（1）' }).click();
    const dialog = supervisor.getByRole('dialog', { name: '催办' });
    await dialog.getByRole('button', { name: '确认催办 1 项' }).click();
    await dialog.getByText('请填写催办内容').waitFor();
    await dialog.getByLabel('催办内容').fill('请于三日内签收。');
    await dialog.getByRole('button', { name: '确认催办 1 项' }).click();
    await shows(dialog.locator(`[data-task-id="${task.id}"]`), '已催办');

    const notices = await query<{ kind: string; body: string; sent_by: string }>(
      `SELECT kind, body, sent_by FROM notices WHERE task_id = $1 AND kind = 'manual_reminder'`,
      [task.id],
    );
    expect(notices).toEqual([
      { kind: 'manual_reminder', body: expect.stringContaining('请于三日内签收。'), sent_by: 'supervisor' },
    ]);
    expect(await query(`SELECT seq FROM task_events WHERE task_id = $1 AND action = 'remind'`, [task.id])).toHaveLength(
      1,
    );
  });

  it('has no serious or critical axe-core violations on the board at 390x844', async () => {
    await supervisor.setViewportSize(PHONE);
    await supervisor.goto(`${harness.origin}/console/board`);
    await supervisor.getByRole('heading', { name: '督办台' }).waitFor();
    await supervisor.getByRole('row').filter({ hasText: rows[0].unitName }).waitFor();
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'board-390x844.png'), fullPage: true });
    await supervisor.setViewportSize(DESKTOP);
  });

  it('gives a unit officer no 督办台: not in the menu, and the engine’s refusal without data by URL', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByRole('link', { name: '督办台' }).count()).toBe(0);
    const refusal = await harness.api.http
      .get('/board')
      .set('Authorization', `Bearer ${await harness.api.login('culture-officer')}`)
      .expect(403);
    await page.goto(`${harness.origin}/console/board`);
    await page.getByText(refusal.body.message).waitFor();
    expect(await page.getByRole('row').count()).toBeLessThanOrEqual(2);
    expect(await page.getByRole('main').innerText()).not.toContain(rows[0].unitName);
  });
});
