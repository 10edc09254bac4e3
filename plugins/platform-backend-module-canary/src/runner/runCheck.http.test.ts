import {
  startHttpServer,
  startSilentTcpServer,
  closedPort,
} from '../__testUtils__/localServers';
import { runCheck } from './runCheck';
import { httpCheck } from './testChecks';

describe('runCheck http', () => {
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('canary ok\nversion 42\n');
      } else if (req.url === '/broken') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('upstream connect error\nno healthy upstream\n');
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('canary ok'), 300);
      } else if (req.url === '/moved') {
        res.writeHead(301, { location: '/healthz' });
        res.end();
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
  });
  afterAll(() => server.close());

  it('passes on the expected status and body, with nothing to tell', async () => {
    const result = await runCheck(
      httpCheck(`${server.url}/healthz`, { bodyMatch: { text: 'canary ok' } }),
    );
    expect(result).toMatchObject({ outcome: 'pass', errors: [] });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.durationMs).toBeLessThan(2_000);
    expect(result.log.join('\n')).toMatch(/HTTP 200 OK/);
  });

  it('fails on another status, keeping the start of the body in the log', async () => {
    const result = await runCheck(httpCheck(`${server.url}/broken`));
    expect(result.outcome).toBe('fail');
    expect(result.errors).toEqual([
      `GET ${server.url}/broken returned 503, expected 200`,
    ]);
    expect(result.log.join('\n')).toMatch(/body\| no healthy upstream/);
  });

  it('accepts any listed status and can leave redirects alone', async () => {
    const listed = await runCheck(
      httpCheck(`${server.url}/broken`, { expectedStatus: [200, 503] }),
    );
    expect(listed.outcome).toBe('pass');
    const redirect = await runCheck(
      httpCheck(`${server.url}/moved`, {
        followRedirects: false,
        expectedStatus: [301],
      }),
    );
    expect(redirect.outcome).toBe('pass');
    const followed = await runCheck(
      httpCheck(`${server.url}/moved`, { bodyMatch: { text: 'version 42' } }),
    );
    expect(followed.outcome).toBe('pass');
  });

  it('fails when the body does not contain or match what is expected', async () => {
    const substring = await runCheck(
      httpCheck(`${server.url}/healthz`, { bodyMatch: { text: 'version 43' } }),
    );
    expect(substring.outcome).toBe('fail');
    expect(substring.errors[0]).toBe(
      `the body of ${server.url}/healthz does not contain version 43`,
    );
    const regex = await runCheck(
      httpCheck(`${server.url}/healthz`, {
        bodyMatch: { text: '/^version \\d+$/m', regex: /^version \d+$/m },
      }),
    );
    expect(regex.outcome).toBe('pass');
    const wrongRegex = await runCheck(
      httpCheck(`${server.url}/healthz`, {
        bodyMatch: { text: '/^ready$/', regex: /^ready$/ },
      }),
    );
    expect(wrongRegex.errors[0]).toMatch(/does not match \/\^ready\$\//);
  });

  it('fails a right answer that came after the latency budget', async () => {
    const result = await runCheck(
      httpCheck(`${server.url}/slow`, { latencyBudgetMs: 100 }),
    );
    expect(result.outcome).toBe('fail');
    expect(result.errors[0]).toMatch(
      /^GET .*\/slow took \d+ ms, over the latency budget of 100 ms$/,
    );
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    const generous = await runCheck(
      httpCheck(`${server.url}/slow`, { latencyBudgetMs: 1_500 }),
    );
    expect(generous.outcome).toBe('pass');
  });

  it('times out on a server that never answers', async () => {
    const silent = await startSilentTcpServer();
    try {
      const result = await runCheck(
        httpCheck(`http://127.0.0.1:${silent.port}/`, { timeoutMs: 300 }),
      );
      expect(result.outcome).toBe('timeout');
      expect(result.errors).toEqual(['no answer within the timeout of 300 ms']);
      expect(result.durationMs).toBeGreaterThanOrEqual(290);
      expect(result.durationMs).toBeLessThan(1_500);
    } finally {
      await silent.close();
    }
  });

  it('fails on a refused connection and on a host that does not resolve', async () => {
    const port = await closedPort();
    const refused = await runCheck(httpCheck(`http://127.0.0.1:${port}/`));
    expect(refused).toMatchObject({
      outcome: 'fail',
      errors: [`GET http://127.0.0.1:${port}/: connection refused`],
    });
    const unresolvable = await runCheck(
      httpCheck('http://does-not-exist.invalid/healthz', { timeoutMs: 5_000 }),
    );
    expect(unresolvable.outcome).toBe('fail');
    // NXDOMAIN, or EAI_AGAIN where no DNS server answers at all
    expect(unresolvable.errors[0]).toMatch(
      /^GET http:\/\/does-not-exist\.invalid\/healthz: (the name does not resolve|DNS lookup failed)/,
    );
  });

  it('is an error, not a failure, when the runner cannot run the check', async () => {
    const badUrl = await runCheck(httpCheck('not a url'));
    expect(badUrl.outcome).toBe('error');
    expect(badUrl.errors[0]).toMatch(/^the runner could not run the check: /);

    const stopped = new AbortController();
    stopped.abort();
    const shutdown = await runCheck(httpCheck(`${server.url}/slow`), {
      signal: stopped.signal,
    });
    expect(shutdown).toMatchObject({
      outcome: 'error',
      errors: [
        'the run was stopped before it finished (the backend is stopping)',
      ],
    });
  });
});
