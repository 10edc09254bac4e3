import { DnsCheck, HttpCheck, TcpCheck, TlsCheck } from './types';

const base = {
  capability: 'ingress' as const,
  intervalMs: 60_000,
  timeoutMs: 2_000,
};

export function httpCheck(
  url: string,
  extra: Partial<HttpCheck> = {},
): HttpCheck {
  return {
    ...base,
    name: 'ingress-http',
    type: 'http',
    url,
    method: 'GET',
    expectedStatus: [200],
    followRedirects: true,
    headers: {},
    ...extra,
  };
}

export function dnsCheck(
  hostname: string,
  extra: Partial<DnsCheck> = {},
): DnsCheck {
  return {
    ...base,
    capability: 'dns',
    name: 'dns-resolve',
    type: 'dns',
    hostname,
    recordType: 'A',
    expect: [],
    ...extra,
  };
}

export function tcpCheck(
  port: number,
  extra: Partial<TcpCheck> = {},
): TcpCheck {
  return {
    ...base,
    name: 'tcp-connect',
    type: 'tcp',
    host: '127.0.0.1',
    port,
    ...extra,
  };
}

export function tlsCheck(
  port: number,
  extra: Partial<TlsCheck> = {},
): TlsCheck {
  return {
    ...base,
    capability: 'certificates',
    name: 'tls-expiry',
    type: 'tls',
    host: 'localhost',
    port,
    minDaysToExpiry: 14,
    ...extra,
  };
}
