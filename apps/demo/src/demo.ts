import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repositoryRoot } from '@app/common';
import { reportFileName, type ReportFigures, type ReportFormat } from '@app/reporting';
import { atShanghaiTime, WorkingCalendar } from '@app/calendar';
import { QUEUES, waitForIdle } from '@app/queues';
import { checkOutcome, totals, type DemoTotals } from './demo-checks';
import { DemoClient } from './demo-client';
import { startDemoEnvironment, type DemoEnvironment } from './demo-environment';
import { DEMO_END, DEMO_START, REPORT_QUARTER } from './demo-plan';
import { LEADERSHIP, leaderOf, signInDemoUsers, SUPERVISOR } from './demo-users';
import { datesBetween, setUpDocuments, Simulation } from './simulation';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function timelineLine(date: string, now: DemoTotals, before: DemoTotals): string {
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  const news = [
    now.escalations > before.escalations ? `督办 +${now.escalations - before.escalations}` : '',
    now.leadershipEscalations > before.leadershipEscalations
      ? `挂牌督办 +${now.leadershipEscalations - before.leadershipEscalations}`
      : '',
    now.closedMeasures > before.closedMeasures ? `销号 +${now.closedMeasures - before.closedMeasures}` : '',
  ].filter(Boolean);
  return `${date} 周${weekday} │ 任务 ${now.tasks} │ 通知 ${now.notices}（提醒 ${now.reminders}，逾期 ${now.overdueNotices}）│ 督办 ${now.escalations} │ 挂牌 ${now.leadershipEscalations} │ 办结 ${now.approved} │ 销号 ${now.closedMeasures}${news.length ? `  ◀ ${news.join('，')}` : ''}`;
}

/** The quarterly reports the supervisor and one unit download at the end. */
async function downloadReports(
  client: DemoClient,
  documentId: string,
  out: string,
): Promise<{ files: string[]; figures: ReportFigures }> {
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  let all: ReportFigures | null = null;
  for (const [user, body] of [
    [SUPERVISOR, {}],
    ['sx-culture-tourism-leader', {}],
  ] as const) {
    const report = await client.post<{ id: string }>(user, '/reports', {
      documentId,
      quarter: REPORT_QUARTER,
      ...body,
    });
    await waitUntilDone(client, user, report.id);
    const figures = JSON.parse(
      (await client.download(user, `/reports/${report.id}/files/json`)).toString('utf8'),
    ) as ReportFigures;
    if (!figures.scope) all = figures;
    for (const format of ['docx', 'xlsx', 'json'] as ReportFormat[]) {
      const path = join(out, reportFileName(figures, format));
      writeFileSync(path, await client.download(user, `/reports/${report.id}/files/${format}`));
      files.push(path);
    }
  }
  return { files, figures: all! };
}

async function waitUntilDone(client: DemoClient, user: string, id: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const report = await client.get<{ state: string; error: string | null }>(user, `/reports/${id}`);
    if (report.state === 'done') return;
    if (report.state === 'failed') throw new Error(`季度通报生成失败：${report.error}`);
    await new Promise((settle) => setTimeout(settle, 100));
  }
  throw new Error('季度通报一分钟内未生成');
}

async function run(env: DemoEnvironment, out: string, tokens: Map<string, string>): Promise<number> {
  const started = Date.now();
  const client = new DemoClient(env.baseUrl, tokens);
  env.clock.set(atShanghaiTime(DEMO_START, '09:00'));
  say(`① 导入两份种子文件，采纳单位建议，下达 2022 年行动方案（模拟时间 ${DEMO_START}）`);
  const simulation = new Simulation(env, client, env.app.get(WorkingCalendar), await setUpDocuments(client));
  say(`② 模拟 ${DEMO_START} 至 ${DEMO_END}：各单位签收、分解、报送进展和办结，提醒与督办经由队列送达`);
  let before = await totals(env.dataSource);
  for (const date of datesBetween(DEMO_START)) {
    await simulation.day(date);
    const now = await totals(env.dataSource);
    const notable =
      now.escalations > before.escalations ||
      now.leadershipEscalations > before.leadershipEscalations ||
      now.closedMeasures > before.closedMeasures;
    if (notable || new Date(`${date}T00:00:00Z`).getUTCDay() === 1) say(timelineLine(date, now, before));
    before = now;
  }
  await waitForIdle(env.queue(QUEUES.reports), 120_000);
  say(`③ 生成 ${REPORT_QUARTER} 季度通报（Word、Excel、JSON）`);
  const { files, figures } = await downloadReports(client, simulation.state.documentId, out);
  const failures = await checkOutcome(env.dataSource, simulation.state.ledger, figures, env.clock.now());
  const final = await totals(env.dataSource);
  say('');
  say(
    `完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。任务 ${final.tasks} 项，通知 ${final.notices} 条，督办 ${final.escalations} 项（挂牌督办 ${final.leadershipEscalations}），办结 ${final.approved} 项，销号 ${final.closedMeasures} 项。`,
  );
  say(
    `${REPORT_QUARTER} 通报：完成率 ${((figures.overall.completionRate ?? 0) * 100).toFixed(1)}%，逾期 ${figures.overall.overdue} 项，未报进展 ${figures.overall.missingReports} 项。`,
  );
  say(`文件（${out}）：`);
  for (const file of files) say(`  ${file}`);
  say(`演示数据库：${env.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
  if (failures.length === 0) return 0;
  say('');
  say('✗ 演示结果与预期不符：');
  for (const failure of failures) say(`  - ${failure}`);
  return 1;
}

/** Who to sign in as, to click through the quarter the demo just played. */
function sayServing(baseUrl: string, password: string): void {
  say('');
  say('④ 演示引擎和控制台仍在运行，可在浏览器中查看演示数据（Ctrl+C 结束）：');
  say(`  控制台：${baseUrl}/console/`);
  say(`  密码（本次运行的所有演示用户）：${password}`);
  say(`  ${SUPERVISOR} — 督查室：文件管理、督办台、销号、统计分析`);
  say(`  ${LEADERSHIP} — 省政府领导：统计分析、季度通报、领导批示`);
  say(
    `  ${leaderOf('sx-culture-tourism')} — 省文化和旅游厅负责人：待办、签收、分解、报送、审核（其他单位同理：单位代码-leader）`,
  );
}

function untilStopped(): Promise<void> {
  return new Promise((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * `npm run demo`: a quarter and a half of supervision on the seed documents, on a simulated clock.
 * With `--serve` the engine and its console stay up on the demo's data (port DEMO_PORT, 3100 unless
 * set) until stopped. Returns the exit code.
 */
export async function runDemo(): Promise<number> {
  const outArgument = process.argv.indexOf('--out');
  const out = resolve(outArgument > 0 ? process.argv[outArgument + 1] : join(repositoryRoot(), 'demo-output'));
  const serve = process.argv.includes('--serve');
  const port = serve ? Number(process.env.DEMO_PORT ?? 3100) : 0;
  const env = await startDemoEnvironment(atShanghaiTime(DEMO_START, '09:00'), port);
  try {
    const { tokens, password } = await signInDemoUsers(env.app, env.baseUrl);
    const code = await run(env, out, tokens);
    if (!serve || code !== 0) return code;
    sayServing(env.baseUrl, password);
    await untilStopped();
    return 0;
  } finally {
    await env.close();
  }
}
