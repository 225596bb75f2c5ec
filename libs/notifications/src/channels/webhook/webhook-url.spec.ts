import { DomainError } from '@app/common';
import { checkWebhookSecret, checkWebhookUrl } from './webhook-url';

describe('webhook url and secret rules', () => {
  it('accepts http and https URLs', () => {
    expect(checkWebhookUrl('https://oa.example.gov.cn/hook')).toBe('https://oa.example.gov.cn/hook');
    expect(checkWebhookUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
  });

  it.each(['ftp://example.com/x', 'file:///etc/passwd', 'not a url', 'https://user:pw@example.com/'])(
    'refuses %s with a Chinese message',
    (url) => {
      expect(() => checkWebhookUrl(url)).toThrow(DomainError);
      expect(() => checkWebhookUrl(url)).toThrow(/Webhook 地址/);
    },
  );

  it('needs a secret of 32 characters or more', () => {
    expect(() => checkWebhookSecret('s'.repeat(31))).toThrow(/至少 32 个字符/);
    expect(() => checkWebhookSecret('s'.repeat(32))).not.toThrow();
  });
});
