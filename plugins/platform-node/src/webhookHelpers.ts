import { InputError } from '@backstage/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Hex HMAC-SHA256 of a raw body: the signature scheme of GitHub, PagerDuty
 * and most webhook senders.
 *
 * @public
 */
export function hmacSha256Hex(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Compares a received signature with the expected one in constant time, so the
 * response time does not reveal how much of a guess was right.
 *
 * @public
 */
export function signatureMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Parses a raw payload with a zod schema, or throws `InputError` naming the
 * fields that are wrong (at most five), prefixed with what the payload is.
 *
 * @public
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map(i => `${i.path.length ? i.path.join('.') : 'payload'}: ${i.message}`)
    .join('; ');
  throw new InputError(`invalid ${what} payload: ${problems}`);
}
