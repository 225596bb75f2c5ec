import { histogramQuantile, parsePrometheusText, sampleSum } from './prometheus-text';

const TEXT = `# HELP x_seconds lateness
# TYPE x_seconds histogram
x_seconds_bucket{le="1"} 50
x_seconds_bucket{le="5"} 90
x_seconds_bucket{le="15"} 100
x_seconds_bucket{le="+Inf"} 100
x_seconds_sum 210
x_seconds_count 100
y_total{kind="a \\"quoted\\"",channel="inbox"} 3
y_total{kind="b",channel="inbox"} 4
`;

describe('the Prometheus text helpers', () => {
  const samples = parsePrometheusText(TEXT);

  it('parses samples with their labels, escapes included, and skips comments', () => {
    expect(samples).toHaveLength(8);
    expect(samples.at(-2)).toEqual({ name: 'y_total', labels: { kind: 'a "quoted"', channel: 'inbox' }, value: 3 });
    expect(sampleSum(samples, 'y_total', { channel: 'inbox' })).toBe(7);
    expect(sampleSum(samples, 'y_total', { kind: 'b' })).toBe(4);
    expect(sampleSum(samples, 'z_total')).toBe(0);
  });

  it.each([
    [0.5, 1], // the 50th observation is the first bucket's last
    [0.7, 3], // 20 of the 40 in (1, 5]
    [0.99, 14], // 9 of the 10 in (5, 15]
  ])('estimates quantile %p as histogram_quantile() does: %p', (quantile, expected) => {
    expect(histogramQuantile(samples, 'x_seconds', quantile)).toBeCloseTo(expected, 6);
  });
});
