import {
  closedPort,
  selfSignedCertificate,
  startSilentTcpServer,
  startTlsServer,
} from '../__testUtils__/localServers';
import { runCheck } from './runCheck';
import { dnsCheck, tcpCheck, tlsCheck } from './testChecks';

jest.setTimeout(30_000);

const DAY_MS = 86_400_000;

describe('runCheck dns', () => {
  it('passes when the name resolves, and checks the expected answers', async () => {
    expect(await runCheck(dnsCheck('localhost'))).toMatchObject({
      outcome: 'pass',
    });
    const expected = await runCheck(
      dnsCheck('localhost', { expect: ['127.0.0.1'] }),
    );
    expect(expected.outcome).toBe('pass');
    expect(expected.log.join('\n')).toMatch(/answers: 127\.0\.0\.1/);
    const wrong = await runCheck(
      dnsCheck('localhost', { expect: ['10.0.0.1'] }),
    );
    expect(wrong.outcome).toBe('fail');
    expect(wrong.errors[0]).toMatch(
      /^localhost A answers .*127\.0\.0\.1.*, expected 10\.0\.0\.1 among them$/,
    );
  });

  it('fails, not errors, on a name that does not exist', async () => {
    const result = await runCheck(
      dnsCheck('does-not-exist.invalid', { timeoutMs: 5_000 }),
    );
    expect(result.outcome).toBe('fail');
    // NXDOMAIN, or a temporary failure where no DNS server answers at all
    expect(result.errors[0]).toMatch(
      /^(NXDOMAIN: does-not-exist\.invalid does not exist|temporary DNS failure resolving does-not-exist\.invalid)/,
    );
  });

  it('is an error when the configured DNS server is not an address', async () => {
    const result = await runCheck(
      dnsCheck('localhost', { server: 'not an ip address' }),
    );
    expect(result.outcome).toBe('error');
  });
});

describe('runCheck tcp', () => {
  it('passes when something listens and fails when the port is closed', async () => {
    const server = await startSilentTcpServer();
    try {
      const open = await runCheck(tcpCheck(server.port));
      expect(open).toMatchObject({ outcome: 'pass', errors: [] });
      expect(open.log.join('\n')).toMatch(
        new RegExp(`connected to 127\\.0\\.0\\.1:${server.port}`),
      );
    } finally {
      await server.close();
    }
    const port = await closedPort();
    expect(await runCheck(tcpCheck(port))).toMatchObject({
      outcome: 'fail',
      errors: [`127.0.0.1:${port}: connection refused`],
    });
  });
});

describe('runCheck tls', () => {
  const pems = selfSignedCertificate(5);
  let server: Awaited<ReturnType<typeof startTlsServer>>;
  beforeAll(async () => {
    server = await startTlsServer(pems);
  });
  afterAll(() => server.close());

  /** The certificate's own expiry, as the server presents it. */
  async function validTo(): Promise<number> {
    const result = await runCheck(
      tlsCheck(server.port, { ca: pems.cert, minDaysToExpiry: 0 }),
    );
    const to = /valid .* to (.*), -?\d+ days left/.exec(result.log.join('\n'));
    return Date.parse(to![1]);
  }

  it('fails a trusted certificate that expires in fewer days than the minimum', async () => {
    const expiry = await validTo();
    // a clock 5 days and 1 hour before expiry: 5 whole days left
    const now = () => expiry - 5 * DAY_MS - 3_600_000;
    const result = await runCheck(tlsCheck(server.port, { ca: pems.cert }), {
      now,
    });
    expect(result.outcome).toBe('fail');
    expect(result.errors).toEqual([
      `certificate for localhost expires in 5 days (${new Date(
        expiry,
      ).toISOString()}), less than the minimum of 14`,
    ]);
    expect(result.log.join('\n')).toMatch(
      /DNS:localhost, IP Address:127\.0\.0\.1/,
    );

    const relaxed = await runCheck(
      tlsCheck(server.port, { ca: pems.cert, minDaysToExpiry: 3 }),
      { now },
    );
    expect(relaxed).toMatchObject({ outcome: 'pass', errors: [] });
  });

  it('counts the days left from the real clock by default', async () => {
    const result = await runCheck(tlsCheck(server.port, { ca: pems.cert }));
    expect(result.errors[0]).toMatch(
      /^certificate for localhost expires in [45] days \(.*\), less than the minimum of 14$/,
    );
  });

  it('fails a certificate nobody trusts or that names another host', async () => {
    const untrusted = await runCheck(
      tlsCheck(server.port, { minDaysToExpiry: 1 }),
    );
    expect(untrusted.outcome).toBe('fail');
    expect(untrusted.errors).toEqual([
      'certificate for localhost is not trusted: DEPTH_ZERO_SELF_SIGNED_CERT',
    ]);
    const otherName = await runCheck(
      tlsCheck(server.port, {
        ca: pems.cert,
        servername: 'shop.example.com',
        minDaysToExpiry: 1,
      }),
    );
    expect(otherName.errors).toEqual([
      'certificate for shop.example.com is not trusted: ERR_TLS_CERT_ALTNAME_INVALID',
    ]);
  });

  it('fails an expired certificate, saying since when', async () => {
    const expiry = await validTo();
    const result = await runCheck(
      tlsCheck(server.port, { ca: pems.cert, minDaysToExpiry: 1 }),
      { now: () => expiry + 2 * DAY_MS + 1 },
    );
    expect(result.errors).toEqual([
      `certificate for localhost expired 2 days ago (${new Date(
        expiry,
      ).toISOString()})`,
    ]);
  });

  it('fails on a closed port and times out on a server that never shakes hands', async () => {
    const port = await closedPort();
    expect(await runCheck(tlsCheck(port))).toMatchObject({
      outcome: 'fail',
      errors: [`localhost:${port}: connection refused`],
    });
    const silent = await startSilentTcpServer();
    try {
      const result = await runCheck(
        tlsCheck(silent.port, { host: '127.0.0.1', timeoutMs: 300 }),
      );
      expect(result.outcome).toBe('timeout');
    } finally {
      await silent.close();
    }
  });
});
