import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Metrics } from '@app/metrics';

const root = join(__dirname, '../..');
const RULES = join(root, 'deploy/prometheus/alerts.yml');
const RULE_TESTS = join(root, 'deploy/prometheus/alerts.test.yml');
const DASHBOARD = join(root, 'deploy/grafana/supervision.json');

/** promtool from Debian's prometheus package (scripts/ensure-services.sh installs it). */
function promtool(...args: string[]): string {
  try {
    return execFileSync('promtool', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: string; stdout?: string; stderr?: string };
    if (code === 'ENOENT')
      throw new Error('promtool not found: run scripts/ensure-services.sh (Debian package prometheus)', {
        cause: error,
      });
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

/** Every metric name the engine exposes, with a histogram's _bucket, _sum and _count series. */
async function exposedNames(): Promise<Set<string>> {
  const { body } = await new Metrics().scrape();
  const names = new Set<string>();
  for (const [, name, type] of body.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}

const referenced = (text: string): string[] => [...new Set(text.match(/supervision_[a-z_]+/g) ?? [])];

describe('the alerting rules and the dashboard in deploy/', () => {
  it('pass promtool check rules', () => {
    expect(promtool('check', 'rules', RULES)).toMatch(/SUCCESS: \d+ rules found/);
  });

  it("fire on the series that should fire them (promtool's rule tests)", () => {
    expect(promtool('test', 'rules', RULE_TESTS)).toMatch(/SUCCESS/);
  });

  it('name only metrics the engine exposes', async () => {
    const names = await exposedNames();
    const rules = referenced(readFileSync(RULES, 'utf8'));
    const dashboard = referenced(readFileSync(DASHBOARD, 'utf8'));
    expect(rules.length).toBeGreaterThan(5);
    expect(dashboard.length).toBeGreaterThan(15);
    expect([...rules, ...dashboard].filter((name) => !names.has(name))).toEqual([]);
  });
});
