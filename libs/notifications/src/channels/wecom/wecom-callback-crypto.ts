import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The app's callback settings in WeCom's admin console (接收消息 → API 接收). */
export interface WecomCallbackKeys {
  token: string;
  /** 43 characters: base64 of the 32-byte AES key without its trailing '='. */
  encodingAesKey: string;
  /** The CorpID: WeCom appends it to every plaintext (receiveid) and it must match. */
  corpId: string;
}

export type WecomCallbackFault = 'signature' | 'decrypt' | 'receiver';

export class WecomCallbackError extends Error {
  constructor(readonly fault: WecomCallbackFault) {
    super(`WeCom callback refused: ${fault}`);
    this.name = 'WecomCallbackError';
  }
}

/** WeCom pads to 32-byte blocks (PKCS#7 with k = 32), not AES's 16. */
const BLOCK = 32;

/** msg_signature = SHA1 of token, timestamp, nonce and the ciphertext, sorted and joined. */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
}

function aesKey(keys: WecomCallbackKeys): Buffer {
  return Buffer.from(`${keys.encodingAesKey}=`, 'base64');
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks the signature, then AES-256-CBC-decrypts (IV = the key's first 16 bytes) and unwraps
 * random(16) | msg_len(4, big-endian) | msg | receiveid, as WeCom's 加解密方案 specifies.
 */
export function openWecomMessage(
  keys: WecomCallbackKeys,
  query: { msgSignature: string; timestamp: string; nonce: string },
  encrypted: string,
): string {
  if (!sameSignature(wecomSignature(keys.token, query.timestamp, query.nonce, encrypted), query.msgSignature))
    throw new WecomCallbackError('signature');
  const plain = decrypt(keys, encrypted);
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new WecomCallbackError('decrypt');
  if (plain.subarray(20 + length).toString('utf8') !== keys.corpId) throw new WecomCallbackError('receiver');
  return plain.subarray(20, 20 + length).toString('utf8');
}

function decrypt(keys: WecomCallbackKeys, encrypted: string): Buffer {
  try {
    const key = aesKey(keys);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const pad = padded[padded.length - 1];
    if (pad < 1 || pad > BLOCK || padded.length < 20 + pad) throw new Error('bad padding');
    return padded.subarray(0, padded.length - pad);
  } catch {
    throw new WecomCallbackError('decrypt');
  }
}

/** The reverse, for passive replies and for the fake platform in tests. */
export function sealWecomMessage(
  keys: WecomCallbackKeys,
  message: string,
  timestamp: string,
  nonce: string,
): { encrypted: string; msgSignature: string } {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(keys.corpId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const key = aesKey(keys);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const encrypted = Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  return { encrypted, msgSignature: wecomSignature(keys.token, timestamp, nonce, encrypted) };
}
