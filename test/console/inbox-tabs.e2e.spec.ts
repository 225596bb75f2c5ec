import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, DESKTOP, PHONE, SCREENSHOTS, seriousViolations, shows, startConsole } from './browser';

/** The 待办 inbox on the engine's tabs and counts, and 批量签收 with one task acknowledged by someone else first. */
describe('console: the inbox tabs with their counts, and bulk 签收 reporting each task’s result (real browser)', () => {
  let harness: ConsoleHarness;
  let officerToken: string;
  let taskIds: string[];

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    const tokens = await harness.api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
    ]);
    officerToken = tokens['culture-officer'];
    const { documentId } = await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor);
    // Two more measures the unit holds (as lead or co-responsible unit): three tasks to acknowledge in all.
    const more = await query<{ id: string }>(
      `SELECT m.id FROM measures m JOIN measure_units u ON u.measure_id = m.id
        WHERE m.document_id = $1 AND u.unit_code = 'sx-culture-tourism' AND m.path <> '二.(一).1'
        ORDER BY m.path LIMIT 2`,
      [documentId],
    );
    await harness.api.http
      .post(`/documents/${documentId}/launch`)
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .send({ measureIds: more.map((measure) => measure.id), defaultDeadline: '2027-03-31' })
      .expect(201);
    taskIds = (
      await query<{ id: string }>(`SELECT id FROM tasks WHERE unit_code = 'sx-culture-tourism' ORDER BY deadline, id`)
    ).map((task) => task.id);
  });

  afterAll(() => harness.close());

  /** A tab of the inbox: a radio button (its input is hidden, its label is what shows and takes the click). */
  const tab = (page: Page, name: string) =>
    page.locator('.ant-radio-button-wrapper').filter({ has: page.getByRole('radio', { name, exact: true }) });

  it('shows each tab with the engine’s count, and says what to do on an empty tab', async () => {
    expect(taskIds).toHaveLength(3);
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    await tab(page, '待签收（3）').waitFor();
    for (const name of ['待分解（0）', '待报送（0）', '待审核（0）', '已办（0）', '全部（3）']) {
      await tab(page, name).waitFor();
    }
    // Nearest deadline first: the two measures due 2027年3月31日 above the one due 2027年6月30日.
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await shows(rows.nth(0), '2027年3月31日', '已分派');
    await shows(rows.nth(2), '2027年6月30日', '牵头');
    await tab(page, '已办（0）').click();
    await page.getByText('暂无已办结任务').waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('done');
  });

  it('lists exactly the tasks bulk 签收 will touch, then each one’s result: one already acknowledged (409), two done', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'culture-officer');
    await tab(page, '待签收（3）').waitFor();
    const checkboxes = page.getByRole('checkbox', { name: /^选择 / });
    await checkboxes.nth(0).check();
    await page.getByRole('button', { name: '批量签收（1）' }).waitFor();
    await page.getByRole('button', { name: '选择本页全部' }).click();
    await page.getByRole('button', { name: '批量签收（3）' }).click();
    const dialog = page.getByRole('dialog', { name: '批量签收' });
    await dialog.getByText('将签收以下 3 项任务：').waitFor();
    const listed = await dialog
      .locator('[data-task-id]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-task-id')));
    expect([...listed].sort()).toEqual([...taskIds].sort());
    expect(await seriousViolations(page)).toEqual([]);

    // Someone of the unit acknowledges the first task while the dialog is open.
    await harness.api.http
      .post(`/tasks/${taskIds[0]}/actions/acknowledge`)
      .set('Authorization', `Bearer ${officerToken}`)
      .send({})
      .expect(200);
    await dialog.getByRole('button', { name: '确认签收 3 项' }).click();
    await dialog.getByText('已签收 2 项，未签收 1 项。').waitFor();
    await shows(dialog.locator(`[data-task-id="${taskIds[0]}"]`), '未签收');
    for (const id of taskIds.slice(1)) await shows(dialog.locator(`[data-task-id="${id}"]`), '已签收');
    await page.screenshot({ path: join(SCREENSHOTS, 'bulk-acknowledge-1366x768.png') });

    // The database agrees: every task acknowledged, each exactly once.
    const events = await query<{ task_id: string; n: number }>(
      `SELECT task_id, count(*)::int AS n FROM task_events WHERE action = 'acknowledge' GROUP BY task_id`,
    );
    expect(events.map((event) => [event.task_id, event.n]).sort()).toEqual(taskIds.map((id) => [id, 1]).sort());
    const states = await query<{ state: string }>(
      `SELECT DISTINCT state FROM tasks WHERE unit_code = 'sx-culture-tourism'`,
    );
    expect(states).toEqual([{ state: 'acknowledged' }]);

    await dialog.getByRole('button', { name: '完成', exact: true }).click();
    await tab(page, '待签收（0）').waitFor();
    await page.getByText('暂无待签收任务').waitFor();
  });

  it.each([
    ['1366x768', DESKTOP],
    ['390x844', PHONE],
  ])('has no serious or critical axe-core violations on the tabs at %s', async (size, viewport) => {
    const page = await harness.newPage(viewport);
    await harness.login(page, 'culture-officer', '/console/?tab=all');
    await tab(page, '全部（3）').waitFor();
    await page.getByRole('row').filter({ hasText: '二.(一).1' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `inbox-tabs-${size}.png`), fullPage: true });
  });
});
