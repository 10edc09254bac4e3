import { AuthenticationError } from '@backstage/errors';
import {
  hmacSha256Hex,
  signatureMatches,
} from '@goldenpath/plugin-platform-node';

/** `sha256=<hex>` HMAC of the raw body, as GitHub sends it. */
export function signGithubPayload(secret: string, rawBody: Buffer | string) {
  return `sha256=${hmacSha256Hex(secret, rawBody)}`;
}

/** Checks `X-Hub-Signature-256` against the raw body (constant time). */
export function verifyGithubSignature(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
): void {
  const given = headers['x-hub-signature-256'];
  if (!given) {
    throw new AuthenticationError('missing X-Hub-Signature-256 header');
  }
  if (!signatureMatches(given, signGithubPayload(secret, rawBody))) {
    throw new AuthenticationError(
      'X-Hub-Signature-256 does not match the body',
    );
  }
}
