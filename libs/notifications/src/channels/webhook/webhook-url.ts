import { DomainError } from '@app/common';

export const MIN_SECRET_LENGTH = 32;

/** An absolute http(s) URL without credentials in it; anything else is refused in Chinese. */
export function checkWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError('invalid', 'WEBHOOK_URL_INVALID', 'Webhook 地址不是有效的网址', { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError('invalid', 'WEBHOOK_URL_INVALID', 'Webhook 地址只支持 http 或 https', { field: 'url' });
  }
  if (url.username || url.password) {
    throw new DomainError('invalid', 'WEBHOOK_URL_INVALID', 'Webhook 地址不能包含用户名或密码', { field: 'url' });
  }
  return url.toString();
}

export function checkWebhookSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new DomainError('invalid', 'WEBHOOK_SECRET_TOO_SHORT', `签名密钥至少 ${MIN_SECRET_LENGTH} 个字符`, {
      field: 'secret',
    });
  }
}
