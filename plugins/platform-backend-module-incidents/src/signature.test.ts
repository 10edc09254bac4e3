import { AuthenticationError } from '@backstage/errors';
import { hmacSha256Hex } from '@goldenpath/plugin-platform-node';
import { verifyPagerDutySignature, verifySignature256 } from './signature';

const secret = 's3cret';
const body = Buffer.from('{"action":"opened"}');
const hex = hmacSha256Hex(secret, body);

describe('verifySignature256', () => {
  const verify = (signature?: string) => () =>
    verifySignature256(secret, { 'x-signature-256': signature }, body);

  it('accepts sha256=<HMAC-SHA256 of the raw body>', () => {
    expect(verify(`sha256=${hex}`)).not.toThrow();
  });

  it.each([
    ['missing', undefined, /missing X-Signature-256/],
    [
      'with another secret',
      `sha256=${hmacSha256Hex('x', body)}`,
      /does not match/,
    ],
    ['of a different length', 'sha256=00', /does not match/],
    ['without the prefix', hex, /does not match/],
  ])('rejects a signature %s', (_, signature, message) => {
    expect(verify(signature)).toThrow(AuthenticationError);
    expect(verify(signature)).toThrow(message);
  });
});

describe('verifyPagerDutySignature', () => {
  const verify = (signature?: string) => () =>
    verifyPagerDutySignature(
      secret,
      { 'x-pagerduty-signature': signature },
      body,
    );
  const other = hmacSha256Hex('rotated-out', body);

  it.each([
    ['one value', `v1=${hex}`],
    ['the first of several', `v1=${hex},v1=${other}`],
    ['the last of several, with spaces', `v1=${other}, v1=${hex}`],
  ])('accepts a matching %s', (_, signature) => {
    expect(verify(signature)).not.toThrow();
  });

  it.each([
    ['missing', undefined, /missing X-PagerDuty-Signature/],
    ['with no matching value', `v1=${other},v1=abc`, /does not match/],
    ['with another scheme', `v0=${hex}`, /does not match/],
    ['empty', '', /missing/],
  ])('rejects a signature %s', (_, signature, message) => {
    expect(verify(signature)).toThrow(AuthenticationError);
    expect(verify(signature)).toThrow(message);
  });
});
