import { AuthenticationError } from '@backstage/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256Hex(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** Constant time, so the response time does not reveal how much of a guess was right. */
function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Generic webhook: `X-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function verifySignature256(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
): void {
  const given = headers['x-signature-256'];
  if (!given) {
    throw new AuthenticationError('missing X-Signature-256 header');
  }
  if (!safeEqual(given.trim(), `sha256=${hmacSha256Hex(secret, rawBody)}`)) {
    throw new AuthenticationError('X-Signature-256 does not match the body');
  }
}

/**
 * PagerDuty v3: `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]`. There is one
 * value per active secret (several while a secret is rotated); any match will do.
 */
export function verifyPagerDutySignature(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
): void {
  const given = headers['x-pagerduty-signature'];
  if (!given) {
    throw new AuthenticationError('missing X-PagerDuty-Signature header');
  }
  const expected = `v1=${hmacSha256Hex(secret, rawBody)}`;
  const matches = given
    .split(',')
    .map(value => value.trim())
    .filter(value => safeEqual(value, expected));
  if (matches.length === 0) {
    throw new AuthenticationError(
      'X-PagerDuty-Signature does not match the body',
    );
  }
}
