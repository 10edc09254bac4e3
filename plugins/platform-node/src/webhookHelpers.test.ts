import { z } from 'zod';
import {
  hmacSha256Hex,
  parsePayload,
  signatureMatches,
} from './webhookHelpers';

describe('webhook helpers', () => {
  it('computes the hex HMAC-SHA256 senders use', () => {
    // RFC 4231 test case 2
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('matches only the exact signature, whatever its length', () => {
    const sig = `sha256=${hmacSha256Hex('s', 'body')}`;
    expect(signatureMatches(` ${sig} `, sig)).toBe(true);
    expect(signatureMatches(sig.slice(0, -1), sig)).toBe(false);
    expect(signatureMatches(`${sig.slice(0, -1)}0`, sig)).toBe(
      sig.endsWith('0'),
    );
    expect(signatureMatches('', sig)).toBe(false);
  });

  it('names the wrong fields in an InputError', () => {
    const schema = z.object({ id: z.string(), n: z.number() });
    expect(parsePayload(schema, { id: 'a', n: 1 }, 'test')).toEqual({
      id: 'a',
      n: 1,
    });
    expect(() => parsePayload(schema, { n: 'x' }, 'test')).toThrow(
      /^invalid test payload: id: .*; n: /,
    );
    expect(() => parsePayload(schema, 'x', 'test')).toThrow(/payload: /);
  });
});
