import { metricsAccess } from './metrics-token';

const TOKEN = 'a-metrics-token-of-some-length';

describe('metricsAccess', () => {
  it.each([
    [undefined, `Bearer ${TOKEN}`, 'off'],
    ['', `Bearer ${TOKEN}`, 'off'],
    [TOKEN, undefined, 'refused'],
    [TOKEN, TOKEN, 'refused'],
    [TOKEN, `Basic ${TOKEN}`, 'refused'],
    [TOKEN, 'Bearer ', 'refused'],
    [TOKEN, `Bearer ${TOKEN}x`, 'refused'],
    [TOKEN, `Bearer ${TOKEN.slice(1)}`, 'refused'],
    [TOKEN, `Bearer ${TOKEN}`, 'allowed'],
  ])('token %p, Authorization %p: %s', (configured, header, expected) => {
    expect(metricsAccess(configured, header)).toBe(expected);
  });
});
