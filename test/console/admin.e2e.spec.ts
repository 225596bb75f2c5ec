import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type ConsoleHarness, PHONE, SCREENSHOTS, seriousViolations, shows, startConsole } from './browser';

/** 用户管理: the admin lists, creates and disables users through the console; the engine keeps the rules. */
describe('console: the admin’s users page (real browser)', () => {
  let harness: ConsoleHarness;

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    harness.api.app.get(DataSource).query(sql, parameters);

  beforeAll(async () => {
    harness = await startConsole(new Date('2026-11-23T02:00:00Z'));
    await harness.api.createUser('admin', 'sx-supervision-office', ['admin']);
    await harness.api.createUser('culture-officer', 'sx-culture-tourism', ['officer']);
  });

  afterAll(() => harness.close());

  it('lists the users, creates one (password rule checked before sending) and disables another', async () => {
    const page = await harness.newPage();
    await harness.login(page, 'admin');
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL('**/console/admin/users');
    await shows(page.getByRole('row').filter({ hasText: 'culture-officer' }), '文化和旅游厅', '经办人', '正常');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill('sport-leader');
    await dialog.getByLabel('姓名').fill('体育局 李四');
    // antd's selects by keyboard: type to filter, Enter takes the active option.
    await dialog.getByLabel('单位').fill('山西省体育局');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '山西省体育局' }).waitFor();
    await dialog.getByLabel('单位').press('Enter');
    await dialog.getByLabel('角色').fill('单位领导');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '单位领导' }).waitFor();
    await dialog.getByLabel('角色').press('Enter');
    await dialog.getByLabel('初始密码').fill('short1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('密码至少 12 位，须含字母和数字').waitFor();
    expect(await query(`SELECT id FROM users WHERE username = 'sport-leader'`)).toEqual([]);
    await dialog.getByLabel('初始密码').fill('a-long-password-2026');
    await dialog.getByRole('button', { name: '创建' }).click();
    await shows(page.getByRole('row').filter({ hasText: 'sport-leader' }), '体育局 李四', '单位领导', '正常');
    expect(await query(`SELECT unit_code, roles, disabled FROM users WHERE username = 'sport-leader'`)).toEqual([
      { unit_code: 'sx-sport', roles: ['leader'], disabled: false },
    ]);

    await page.getByRole('button', { name: '停用 culture-officer' }).click();
    await shows(page.getByRole('row').filter({ hasText: 'culture-officer' }), '已停用');
    expect(await query(`SELECT disabled FROM users WHERE username = 'culture-officer'`)).toEqual([{ disabled: true }]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-users-1366x768.png'), fullPage: true });

    await page.setViewportSize(PHONE);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-users-390x844.png'), fullPage: true });
  });
});
