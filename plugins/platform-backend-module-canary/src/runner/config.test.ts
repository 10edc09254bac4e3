import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readRunnerClusters } from './config';

function read(checks: JsonValue[], name = 'prod-eu') {
  return readRunnerClusters(
    new ConfigReader({
      platform: { canary: { clusters: [{ name, checks }] } },
    }),
  );
}

const http = {
  name: 'ingress-http',
  capability: 'ingress',
  type: 'http',
  url: 'https://canary.prod-eu.example.com/healthz',
};

describe('readRunnerClusters', () => {
  it('reads nothing when no cluster is configured', () => {
    expect(readRunnerClusters(new ConfigReader({}))).toEqual([]);
  });

  it('applies defaults for every type', () => {
    const [cluster] = read([
      http,
      {
        name: 'dns',
        capability: 'dns',
        type: 'dns',
        hostname: 'canary.example.com',
      },
      {
        name: 'tcp',
        capability: 'ingress',
        type: 'tcp',
        host: 'db',
        port: 5432,
      },
      {
        name: 'tls',
        capability: 'certificates',
        type: 'tls',
        host: 'canary.example.com',
      },
    ]);
    expect(cluster.checks).toEqual([
      {
        ...http,
        url: 'https://canary.prod-eu.example.com/healthz',
        intervalMs: 60_000,
        timeoutMs: 10_000,
        method: 'GET',
        expectedStatus: [200],
        bodyMatch: undefined,
        latencyBudgetMs: undefined,
        followRedirects: true,
        headers: {},
      },
      {
        name: 'dns',
        capability: 'dns',
        type: 'dns',
        hostname: 'canary.example.com',
        recordType: 'A',
        expect: [],
        intervalMs: 60_000,
        timeoutMs: 10_000,
      },
      {
        name: 'tcp',
        capability: 'ingress',
        type: 'tcp',
        host: 'db',
        port: 5432,
        intervalMs: 60_000,
        timeoutMs: 10_000,
      },
      {
        name: 'tls',
        capability: 'certificates',
        type: 'tls',
        host: 'canary.example.com',
        port: 443,
        servername: undefined,
        minDaysToExpiry: 14,
        intervalMs: 60_000,
        timeoutMs: 10_000,
      },
    ]);
  });

  it('reads durations as seconds, strings or objects, and body matches as regex or text', () => {
    const [cluster] = read([
      {
        ...http,
        interval: { minutes: 5 },
        timeout: '30s',
        method: 'head',
        expectedStatus: [200, 204],
        bodyMatch: '/^ok$/mg',
        latencyBudgetMs: 800,
      },
      {
        ...http,
        name: 'b',
        interval: 90,
        timeout: 2,
        bodyMatch: 'ok',
        expectedStatus: 204,
      },
    ]);
    expect(cluster.checks[0]).toMatchObject({
      intervalMs: 300_000,
      timeoutMs: 30_000,
      method: 'HEAD',
      expectedStatus: [200, 204],
      latencyBudgetMs: 800,
    });
    const first = cluster.checks[0] as { bodyMatch: { regex: RegExp } };
    expect(first.bodyMatch.regex.flags).toBe('m');
    expect(cluster.checks[1]).toMatchObject({
      intervalMs: 90_000,
      timeoutMs: 2_000,
      expectedStatus: [204],
      bodyMatch: { text: 'ok' },
    });
  });

  it.each([
    [
      { ...http, type: 'icmp' },
      'checks[0].type "icmp" must be http, dns, tcp or tls',
    ],
    [
      { ...http, capability: 'storage' },
      'checks[0].capability "storage" is not a capability',
    ],
    [{ ...http, name: 'a/b' }, 'checks[0].name "a/b" must be 1 to 100 letters'],
    [{ ...http, url: 'ftp://x' }, 'checks[0].url must be an http or https URL'],
    [{ ...http, url: 'nope' }, 'checks[0].url "nope" is not a URL'],
    [{ ...http, interval: 2 }, 'checks[0].interval must be at least 5 seconds'],
    [
      { ...http, interval: 60, timeout: 61 },
      'checks[0].timeout (61000 ms) must not be longer than its interval',
    ],
    [
      { ...http, expectedStatus: [] },
      'checks[0].expectedStatus must be an HTTP status',
    ],
    [
      { ...http, expectedStatus: 700 },
      'checks[0].expectedStatus must be an HTTP status',
    ],
    [
      { ...http, bodyMatch: '/(/' },
      'checks[0].bodyMatch is not a valid regular expression',
    ],
    [
      { ...http, latencyBudgetMs: 20_000 },
      'checks[0].latencyBudgetMs must be a whole number from 1 to 10000',
    ],
    [
      { ...http, headers: { 'bad header': 'x' } },
      'checks[0].headers: "bad header" is not a valid header name',
    ],
    [
      {
        name: 'd',
        capability: 'dns',
        type: 'dns',
        hostname: 'x',
        recordType: 'MX',
      },
      'checks[0].recordType must be A, AAAA or CNAME',
    ],
    [
      {
        name: 'd',
        capability: 'dns',
        type: 'dns',
        hostname: 'x',
        server: 'dns.google',
      },
      'checks[0].server "dns.google" must be an IP address',
    ],
    [
      { name: 't', capability: 'ingress', type: 'tcp', host: 'x' },
      'checks[0].port is required',
    ],
    [
      { name: 't', capability: 'ingress', type: 'tcp', host: 'x', port: 70000 },
      'checks[0].port must be a whole number from 1 to 65535',
    ],
    [
      {
        name: 's',
        capability: 'certificates',
        type: 'tls',
        host: 'x',
        ca: 'not pem',
      },
      'checks[0].ca must hold PEM certificates',
    ],
    [
      {
        name: 's',
        capability: 'certificates',
        type: 'tls',
        host: 'x',
        minDaysToExpiry: -1,
      },
      'checks[0].minDaysToExpiry must be a whole number from 0 to 3650',
    ],
  ])('names the key of a wrong value (%#)', (check, message) => {
    expect(() => read([check])).toThrow(
      `platform.canary.clusters[0].${message}`,
    );
  });

  it('refuses the same check twice in a cluster and the same cluster twice', () => {
    expect(() => read([http, http])).toThrow(
      'platform.canary.clusters[0].checks: "ingress-http" is listed twice',
    );
    expect(() =>
      readRunnerClusters(
        new ConfigReader({
          platform: {
            canary: { clusters: [{ name: 'a', checks: [] }, { name: 'a' }] },
          },
        }),
      ),
    ).toThrow('platform.canary.clusters: "a" is listed twice');
  });

  it('accepts a DNS server with a port, IPv6 included', () => {
    for (const server of [
      '10.0.0.10',
      '10.0.0.10:5353',
      '[fd00::10]:53',
      'fd00::10',
    ]) {
      const [cluster] = read([
        { name: 'd', capability: 'dns', type: 'dns', hostname: 'x', server },
      ]);
      expect(cluster.checks[0]).toMatchObject({ server });
    }
  });
});
