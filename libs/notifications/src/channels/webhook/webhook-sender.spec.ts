import { describeFailure } from './webhook-sender';

describe('describeFailure', () => {
  it('names a timeout with its limit', () => {
    const timeout = new Error('The operation was aborted due to timeout');
    timeout.name = 'TimeoutError';
    expect(describeFailure(timeout, 5000)).toBe('请求超时（5000 毫秒）');
  });

  it('names the network cause of a failed fetch', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeFailure(new TypeError('fetch failed', { cause }), 5000)).toBe('连接失败：ECONNREFUSED');
  });

  it('keeps the message short', () => {
    expect(describeFailure(new Error('x'.repeat(2000)), 5000).length).toBeLessThanOrEqual(500);
  });
});
