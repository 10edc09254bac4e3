import { AuthenticationError } from '@backstage/errors';
import { signGithubPayload, verifyGithubSignature } from './signature';

const secret = 's3cret';
const body = Buffer.from('{"zen":"Design for failure."}');

describe('verifyGithubSignature', () => {
  it('accepts the HMAC-SHA256 of the raw body', () => {
    expect(() =>
      verifyGithubSignature(
        secret,
        { 'x-hub-signature-256': signGithubPayload(secret, body) },
        body,
      ),
    ).not.toThrow();
  });

  it.each([
    ['missing', undefined, /missing X-Hub-Signature-256/],
    [
      'signed with another secret',
      signGithubPayload('other', body),
      /does not match/,
    ],
    ['for another body', signGithubPayload(secret, '{}'), /does not match/],
    ['of a different length', 'sha256=abc', /does not match/],
    [
      'without the sha256= prefix',
      signGithubPayload(secret, body).slice(7),
      /does not match/,
    ],
  ])('rejects a signature %s', (_, signature, message) => {
    const verify = () =>
      verifyGithubSignature(secret, { 'x-hub-signature-256': signature }, body);
    expect(verify).toThrow(AuthenticationError);
    expect(verify).toThrow(message);
  });
});
