import { AuthenticationError } from '@backstage/errors';
import {
  hmacSha256Hex,
  signatureMatches,
} from '@goldenpath/plugin-platform-node';

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
  if (!signatureMatches(given, `sha256=${hmacSha256Hex(secret, rawBody)}`)) {
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
    .filter(value => signatureMatches(value, expected));
  if (matches.length === 0) {
    throw new AuthenticationError(
      'X-PagerDuty-Signature does not match the body',
    );
  }
}
