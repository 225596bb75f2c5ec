import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, DESKTOP, PHONE, SCREENSHOTS, seriousViolations, shows, startConsole } from './browser';

const INSTRUCTION = '请牵头单位本月底前报送推进方案。';

/** 领导批示 written on the task page, and the unit's 通知 centre: the header count, the list, marking read. */
describe('console: 领导批示 on the task page and the 通知 centre with its unread count (real browser)', () => {
  let harness: ConsoleHarness;
  let leadTaskId: string;
  let leadership: Page;
  let officer: Page;

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);
  const unreadBadge = (page: Page) => page.getByTestId('unread-notices');

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    const tokens = await harness.api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]);
    await harness.api.createUser('leadership', 'sx-government', ['leadership']);
    await harness.api.createUser('culture-officer', 'sx-culture-tourism', ['officer']);
    await harness.api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor);
    [{ id: leadTaskId }] = await query<{ id: string }>(
      `SELECT id FROM tasks WHERE unit_code = 'sx-culture-tourism' AND kind = 'lead'`,
    );
    leadership = await harness.newPage();
    await harness.login(leadership, 'leadership', `/console/tasks/${leadTaskId}`);
    officer = await harness.newPage();
    // The page's timers run on a clock the test moves: the header's polling is seen without waiting 30 s.
    await officer.clock.install();
    await harness.login(officer, 'culture-officer');
  });

  afterAll(() => harness.close());

  it('shows the unit one unread notice (the assignment) in the header', async () => {
    await unreadBadge(officer).and(officer.locator('[data-count="1"]')).waitFor();
    expect(await unreadBadge(officer).getAttribute('aria-label')).toBe('通知，1 条未读');
  });

  it('lets leadership write a 批示 on the task page, highlighted in the timeline, kept in the chain', async () => {
    await leadership.getByTestId('task-state').waitFor();
    expect(await seriousViolations(leadership)).toEqual([]);
    await leadership.getByRole('button', { name: '提交批示' }).click();
    await leadership.getByText('请填写批示内容').waitFor();
    await leadership.getByLabel('批示内容').fill(INSTRUCTION);
    await leadership.getByRole('button', { name: '提交批示' }).click();
    await shows(leadership.getByTestId('instructions'), '领导批示（1）', INSTRUCTION);
    const entry = leadership.locator('[data-event="instruction"]');
    await shows(entry, '领导批示', 'leadership', `批示：${INSTRUCTION}`);
    expect(await entry.getAttribute('style')).toContain('background: rgb(255, 241, 240)');
    await leadership.screenshot({ path: join(SCREENSHOTS, 'task-instruction-1366x768.png'), fullPage: true });

    const events = await query<{ actor_username: string; payload: { text: string } }>(
      `SELECT actor_username, payload FROM task_events WHERE task_id = $1 AND action = 'instruction'`,
      [leadTaskId],
    );
    expect(events).toEqual([{ actor_username: 'leadership', payload: { text: INSTRUCTION } }]);
  });

  it('updates the unit’s unread count without a reload, and lists the 批示 linking to its task', async () => {
    await officer.clock.fastForward(31_000);
    await unreadBadge(officer).and(officer.locator('[data-count="2"]')).waitFor();
    await unreadBadge(officer).click();
    await officer.waitForURL('**/console/notices');
    const notice = officer.locator('[data-notice-id]').filter({ hasText: INSTRUCTION });
    await shows(notice, '未读', '领导批示', 'leadership');
    expect(await seriousViolations(officer)).toEqual([]);

    await notice.getByRole('link', { name: /领导批示：/ }).click();
    await officer.waitForURL(`**/console/tasks/${leadTaskId}`);
    await shows(officer.getByTestId('instructions'), INSTRUCTION);
    // The unit sees the 批示 but cannot write one.
    expect(await officer.getByRole('button', { name: '提交批示' }).count()).toBe(0);
    const read = await query<{ read_at: Date | null }>(
      `SELECT read_at FROM notices WHERE unit_code = 'sx-culture-tourism' AND kind = 'instruction'`,
    );
    expect(read).toHaveLength(1);
    expect(read[0].read_at).not.toBeNull();
    await unreadBadge(officer).and(officer.locator('[data-count="1"]')).waitFor();
  });

  it('marks one notice read, then all of them, in the list and in the database', async () => {
    await officer.goto(`${harness.origin}/console/notices?view=all`);
    await officer.getByRole('button', { name: '标为已读', exact: true }).waitFor();
    await officer.getByRole('button', { name: '标为已读', exact: true }).click();
    await unreadBadge(officer).and(officer.locator('[data-count="0"]')).waitFor();
    expect(await query(`SELECT id FROM notices WHERE unit_code = 'sx-culture-tourism' AND read_at IS NULL`)).toEqual(
      [],
    );

    await harness.api.http
      .post(`/tasks/${leadTaskId}/instructions`)
      .set('Authorization', `Bearer ${await harness.api.login('supervisor')}`)
      .send({ text: '督查室：请同步报送佐证材料。' })
      .expect(201);
    await officer.goto(`${harness.origin}/console/notices`);
    await shows(officer.locator('[data-notice-id]'), '督查室：请同步报送佐证材料。');
    await officer.getByRole('button', { name: '全部标为已读' }).click();
    await officer.getByText('暂无未读通知').waitFor();
    await unreadBadge(officer).and(officer.locator('[data-count="0"]')).waitFor();
    expect(await query(`SELECT id FROM notices WHERE unit_code = 'sx-culture-tourism' AND read_at IS NULL`)).toEqual(
      [],
    );
  });

  it.each([
    ['1366x768', DESKTOP],
    ['390x844', PHONE],
  ])('has no serious or critical axe-core violations on the notices page at %s', async (size, viewport) => {
    await officer.setViewportSize(viewport);
    await officer.goto(`${harness.origin}/console/notices?view=all`);
    await officer.locator('[data-notice-id]').first().waitFor();
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.screenshot({ path: join(SCREENSHOTS, `notices-${size}.png`), fullPage: true });
  });
});
