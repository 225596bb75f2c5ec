import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Workbook } from 'exceljs';
import { repositoryRoot } from '@app/common';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { buildCompiledApp } from '../support/compiled-app';

const root = repositoryRoot();
const cliMain = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const seed = (name: string) => join(root, 'seeds', name);

/** The compiled CLI as a user runs it, on its own database. */
function cli(args: string[], databaseUrl?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliMain, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), LOG_LEVEL: 'silent', ...env },
    // A bound for a hung process, not a speed test: users:demo hashes 100-odd passwords with scrypt.
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command-line tool', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    buildCompiledApp();
    database = await createTestDatabase();
  }, 120_000);

  afterAll(() => database.drop());

  it('parse --json prints exactly one JSON document in the stable shape, without a database', () => {
    const { status, stdout } = cli(
      ['parse', seed('shanxi-consumer-services-action-plan-2022.txt'), '--json'],
      'postgres://nobody@127.0.0.1:1/none',
    );
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.document).toEqual({
      docNumber: '晋政办发〔2022〕45号',
      title: '山西省生活性服务业发展行动方案',
      issuer: '山西省人民政府办公厅',
      issuedOn: '2022-06-02',
      planPeriod: null,
    });
    expect(parsed.measures).toHaveLength(46);
    expect(Object.keys(parsed.measures[0])).toEqual(
      expect.arrayContaining(['path', 'title', 'text', 'units', 'deadline', 'targets']),
    );
    expect(Object.keys(parsed.measures[0].units)).toEqual(
      expect.arrayContaining(['raw', 'lead', 'co', 'needsAssignment', 'resolved']),
    );
    expect(parsed.diagnostics[0]).toEqual(
      expect.objectContaining({ level: expect.any(String), line: expect.any(Number), message: expect.any(String) }),
    );
  });

  it('exits non-zero naming the fault for a missing file and for bad content', () => {
    const missing = cli(['parse', join(root, 'no-such-file.txt'), '--json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('FILE_UNREADABLE');
    expect(missing.stdout).toBe('');
    const notADocument = cli(['import', join(root, 'tsconfig.json')], database.url);
    expect(notADocument.status).toBe(1);
    expect(notADocument.stderr).toContain('NO_MEASURES');
  });

  it('loads units, imports, says unchanged on a second import, and assigns from a suggestion', () => {
    expect(cli(['units:load'], database.url)).toMatchObject({ status: 0 });
    const first = cli(
      [
        'import',
        seed('shanxi-consumer-services-action-plan-2022.txt'),
        seed('shanxi-modern-services-plan-2021.txt'),
        '--json',
      ],
      database.url,
    );
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).map((outcome: { status: string }) => outcome.status)).toEqual([
      'created',
      'created',
    ]);
    const second = cli(['import', seed('shanxi-consumer-services-action-plan-2022.txt')], database.url);
    expect(second.stdout).toContain('未作任何更改');

    const measures = JSON.parse(
      cli(['measures', '晋政发〔2021〕21号', '--needs-assignment', '--json'], database.url).stdout,
    );
    const sport = measures.find((measure: { title: string }) => measure.title === '大力发展体育赛事');
    const assigned = cli(
      ['assign', '晋政发〔2021〕21号', sport.path, '--accept-suggestion', '--by', 'cli-test', '--json'],
      database.url,
    );
    expect(assigned.status).toBe(0);
    expect(JSON.parse(assigned.stdout).units.responsible[0]).toMatchObject({ code: 'sx-sport', role: 'lead' });

    const usage = cli(['assign', '晋政发〔2021〕21号', sport.path], database.url);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('LEAD_REQUIRED');
  });

  it('creates the demo users once, launches a measure and verifies its chain', () => {
    const first = cli(['users:demo'], database.url, { DEMO_PASSWORD: 'demo-password-2026' });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/新建 \d{3} 个/);
    expect(first.stdout).not.toContain('demo-password-2026');
    const second = cli(['users:demo'], database.url, { DEMO_PASSWORD: 'demo-password-2026' });
    expect(second.stdout).toContain('新建 0 个');

    const launched = cli(
      ['launch', '晋政办发〔2022〕45号', '--measure', '二.(三).2', '--deadline', '2099-12-31', '--json'],
      database.url,
    );
    expect(launched.status).toBe(0);
    const [measure] = JSON.parse(launched.stdout).launched;
    expect(measure).toMatchObject({ title: '大力发展体育赛事', taskCount: 1 });
    const again = cli(
      ['launch', '晋政办发〔2022〕45号', '--measure', '二.(三).2', '--deadline', '2099-12-31'],
      database.url,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('MEASURE_ALREADY_LAUNCHED');

    const verified = cli(['verify-chain', measure.workflowId], database.url);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('哈希链完整');
  });

  it('writes the quarterly report as docx, xlsx and json, and names a bad quarter', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-'));
    const written = cli(
      ['report', '晋政办发〔2022〕45号', '--quarter', '2026Q4', '--as-of', new Date().toISOString(), '--out', out],
      database.url,
    );
    expect(written.status).toBe(0);
    const files = written.stdout.trim().split('\n');
    expect(files.map((file) => file.slice(file.lastIndexOf('.')))).toEqual(['.docx', '.xlsx', '.json']);
    expect(readdirSync(out).sort()).toEqual(files.map((file) => basename(file)).sort());
    const figures = JSON.parse(readFileSync(files[2], 'utf8'));
    expect(figures.overall).toMatchObject({ measures: 46, launchedMeasures: 1, tasks: 1, completed: 0 });
    expect(readFileSync(files[0]).subarray(0, 2).toString()).toBe('PK');

    const bad = cli(['report', '晋政办发〔2022〕45号', '--quarter', '2026Q5', '--out', out], database.url);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('INVALID_QUARTER');
  });

  it('writes the 台账 of a document as a workbook, and of one unit', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.xlsx');
    const written = cli(['ledger', '晋政办发〔2022〕45号', '--out', out], database.url);
    expect(written.stdout.trim()).toBe(out);
    expect(written.status).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['序号', '部分', '措施编号', '措施', '责任单位']);
    // The one task launched above: a row of its own, still waiting to be acknowledged.
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(10).value).toBe('已分派');
    expect(sheet.getRow(2).getCell(13).value).toBe('无');

    const none = cli(['ledger', '晋政办发〔2022〕45号', '--unit', 'sx-finance', '--out', out], database.url);
    expect(none.status).toBe(0);
    const empty = new Workbook();
    await empty.xlsx.readFile(out);
    expect(empty.getWorksheet('台账')!.getRow(2).getCell(1).value).toBe('无');
  });
});
