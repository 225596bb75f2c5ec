import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'x'.repeat(40);
  const body = JSON.stringify({ id: 'n1', title: '催办：测试' });

  it('is sha256= and the hex HMAC of the exact UTF-8 body', () => {
    expect(signBody(secret, body)).toBe(
      `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`,
    );
  });

  it('verifies only the same body with the same secret', () => {
    const signature = signBody(secret, body);
    expect(verifySignature(secret, body, signature)).toBe(true);
    expect(verifySignature(secret, `${body} `, signature)).toBe(false);
    expect(verifySignature('y'.repeat(40), body, signature)).toBe(false);
    expect(verifySignature(secret, body, 'sha256=00')).toBe(false);
  });
});
