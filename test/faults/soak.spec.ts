import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { buildCompiledApp } from '../support/compiled-app';

const root = repositoryRoot();

/** `npm run soak` for 36 seconds with a fault every 7: all four kinds of fault, under load. */
describe('the soak run, short', () => {
  it('loses and duplicates nothing, keeps the audit chains intact, and says so in one JSON line', () => {
    buildCompiledApp();
    const run = spawnSync(
      process.execPath,
      [join(root, 'dist', 'bench', 'soak.js'), '--minutes', '0.6', '--fault-every', '7'],
      { cwd: root, encoding: 'utf8', timeout: 300_000 },
    );
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ lost: 0, duplicated: 0, audit_ok: true, workflows_verified: 46 });
    // Work happened and notices were at stake; how much depends on the machine's speed, which is the bench's business.
    expect(summary.requests).toBeGreaterThan(0);
    expect(summary.steps_due).toBeGreaterThan(0);
    expect(summary.notices_expected).toBeGreaterThan(0);
    expect(summary.notices_delivered).toBe(summary.notices_expected);
    // The workers' lateness histograms, scraped from their /metrics every second, saw the deliveries the
    // database holds, less those a killed or stopped worker made after its last scrape.
    expect(summary.lateness_metrics.count).toBeGreaterThan(0);
    expect(summary.lateness_metrics.count).toBeLessThanOrEqual(summary.lateness_measured.count);
    expect(summary.faults).toEqual(
      expect.arrayContaining([
        'worker killed (SIGKILL) and restarted',
        "Redis emptied of the engine's keys",
        'PostgreSQL connections cut',
        'worker stopped (SIGTERM) and restarted',
      ]),
    );
  }, 360_000);
});
