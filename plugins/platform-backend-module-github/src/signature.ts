import { AuthenticationError } from '@backstage/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` HMAC of the raw body, as GitHub sends it. */
export function signGithubPayload(secret: string, rawBody: Buffer | string) {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Checks `X-Hub-Signature-256` against the raw body. The comparison is constant
 * time so the response time does not reveal how much of a guess was right.
 */
export function verifyGithubSignature(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
): void {
  const given = headers['x-hub-signature-256'];
  if (!given) {
    throw new AuthenticationError('missing X-Hub-Signature-256 header');
  }
  const expected = Buffer.from(signGithubPayload(secret, rawBody));
  const actual = Buffer.from(given.trim());
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new AuthenticationError(
      'X-Hub-Signature-256 does not match the body',
    );
  }
}
