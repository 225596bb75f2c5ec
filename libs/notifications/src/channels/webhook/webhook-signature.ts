import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Supervision-Signature';
export const TIMESTAMP_HEADER = 'X-Supervision-Timestamp';
export const DELIVERY_HEADER = 'X-Supervision-Delivery';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the unit's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
