import { isInternalAddress, resolveWebhookAddress } from './webhook-address';

const RULES = { allowedPorts: [80, 443], allowedHosts: [] };

describe('webhook addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['0.0.0.0', true],
    ['10.1.2.3', true],
    ['100.64.0.1', true],
    ['169.254.169.254', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['::', true],
    ['::1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:127.0.0.1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['not-an-address', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2001:4860:4860::8888', false],
  ])('%s is internal: %s', (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:6379/',
    'http://localhost:5432/',
    'http://localhost/',
    'http://127.0.0.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://10.0.0.8/hook',
    'https://8.8.8.8:6379/',
    'ftp://8.8.8.8/',
    'http://no-such-host.invalid/',
  ])('refuses %s with field url', async (url) => {
    await expect(resolveWebhookAddress(url, RULES)).rejects.toMatchObject({ details: { field: 'url' } });
  });

  it('accepts a public address on an allowed port, and an allow-listed intranet host on any', async () => {
    await expect(resolveWebhookAddress('https://8.8.8.8/hook', RULES)).resolves.toEqual([
      { address: '8.8.8.8', family: 4 },
    ]);
    await expect(
      resolveWebhookAddress('http://127.0.0.1:4567/hook', { ...RULES, allowedHosts: ['127.0.0.1'] }),
    ).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
