import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { consoleFolder } from '../../apps/api/src/http/console-static';
import { startTestApi, TEST_PASSWORD, type TestApi, type TestApiOptions } from '../support/api';

/** Debian's chromium, installed by scripts/ensure-services.sh: Playwright's own download is not reachable here. */
export const CHROMIUM = '/usr/bin/chromium';
/** Written by the tests, never committed (var/ is git-ignored); a few are copied to docs/console/ by hand. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'var', 'screenshots');

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface ConsoleHarness {
  api: TestApi;
  /** http://127.0.0.1:<port>, the engine serving the built console. */
  origin: string;
  browser: Browser;
  /** A fresh browser context (its own storage, like another person's browser) with one page. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Signs in through the login page and waits for the inbox (or the page `next` names). */
  login(page: Page, username: string, path?: string): Promise<void>;
  close(): Promise<void>;
}

/** The engine on a throw-away database, listening on a free port, with the built console and a headless chromium. */
export async function startConsole(now?: Date, options: TestApiOptions = {}): Promise<ConsoleHarness> {
  if (!existsSync(join(consoleFolder(), 'index.html'))) {
    throw new Error('The console is not built: run `npm run build && npm run build:console` (npm test does it).');
  }
  const api = await startTestApi(now, options);
  await api.app.listen(0, '127.0.0.1');
  const address = api.app.getHttpServer().address() as { port: number };
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    api,
    origin,
    browser,
    newPage: async (viewport = DESKTOP) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      context.setDefaultTimeout(15000);
      contexts.push(context);
      return context.newPage();
    },
    login: async (page, username, path = '/console/') => {
      await page.goto(`${origin}${path}`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/console/login'));
    },
    close: async () => {
      for (const context of contexts) await context.close();
      await browser.close();
      await api.close();
    },
  };
}

/** Waits (Playwright's own retrying wait, bounded) until the element shows every one of the texts. */
export async function shows(locator: Locator, ...texts: string[]): Promise<void> {
  for (const text of texts) await locator.filter({ hasText: text }).first().waitFor({ timeout: 20000 });
}

/** Serious and critical accessibility violations on the page as it stands (rule id, how many nodes, the first). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')}`);
}
