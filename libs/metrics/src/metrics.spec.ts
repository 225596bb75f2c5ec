import { Metrics } from './metrics';

const line = (body: string, prefix: string) => body.split('\n').find((text) => text.startsWith(prefix));

describe('Metrics.scrape', () => {
  it('reads every provided source, and marks one that fails down without failing the scrape', async () => {
    const metrics = new Metrics();
    metrics.provide({
      steps: async () => ({ pending: 7, due: 2, oldestDueAgeSeconds: 30 }),
      pool: async () => ({ total: 5, idle: 2, waiting: 1 }),
      redisRoundTripSeconds: () => Promise.reject(new Error('connection refused')),
    });
    const { body, contentType } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(line(body, 'supervision_steps_pending ')).toBe('supervision_steps_pending 7');
    expect(line(body, 'supervision_steps_oldest_due_undelivered_age_seconds ')).toMatch(/ 30$/);
    expect(line(body, 'supervision_db_pool_connections{state="in_use"}')).toMatch(/ 3$/);
    expect(line(body, 'supervision_scrape_source_up{source="steps"}')).toMatch(/ 1$/);
    expect(line(body, 'supervision_scrape_source_up{source="redisRoundTripSeconds"}')).toMatch(/ 0$/);
    expect(line(body, 'supervision_scrape_source_up{source="calendar"}')).toBeUndefined();
  });

  it("keeps a registry per instance: one process's counts never show in another's", async () => {
    const api = new Metrics();
    const worker = new Metrics();
    worker.stepDelivered('ack_reminder', 12, false);
    worker.stepDelivered('deadline_overdue', 900, true);
    expect(line((await worker.scrape()).body, 'supervision_steps_delivered_total{kind="ack_reminder"}')).toMatch(/ 1$/);
    expect(
      line((await worker.scrape()).body, 'supervision_steps_delivered_late_total{kind="deadline_overdue"}'),
    ).toMatch(/ 1$/);
    expect(line((await api.scrape()).body, 'supervision_steps_delivered_total{')).toBeUndefined();
  });
});
