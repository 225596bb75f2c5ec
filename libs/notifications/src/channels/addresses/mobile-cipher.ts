import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '@app/common';

const VERSION = 'v1';

/**
 * Mobile numbers at rest: AES-256-GCM with the key from CHANNEL_DATA_KEY, a fresh 12-byte IV each time,
 * stored as `v1:<base64 iv|tag|ciphertext>`. Without a key no number can be stored or read.
 */
export class MobileCipher {
  private readonly key: Buffer | null;

  constructor(base64Key: string | undefined) {
    this.key = base64Key ? Buffer.from(base64Key, 'base64') : null;
    if (this.key && this.key.length !== 32) throw new Error('CHANNEL_DATA_KEY must be 32 bytes');
  }

  get configured(): boolean {
    return this.key !== null;
  }

  encrypt(mobile: string): string {
    const key = this.requireKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(mobile, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
  }

  /** Throws if the text was not sealed with this key (tampered, or another key). */
  decrypt(stored: string): string {
    const key = this.requireKey();
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('unknown mobile cipher format');
    const bytes = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }

  private requireKey(): Buffer {
    if (!this.key)
      throw new DomainError(
        'unavailable',
        'MOBILE_KEY_NOT_CONFIGURED',
        '未配置手机号加密密钥（CHANNEL_DATA_KEY），无法保存手机号',
        {
          field: 'mobile',
        },
      );
    return this.key;
  }
}
