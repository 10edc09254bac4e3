import { Config } from '@backstage/config';
import { isIP } from 'node:net';
import {
  readCapability,
  readName,
  readOptionalDurationMs,
  readOptionalInteger,
  readStringList,
  rejectDuplicates,
} from '../shared/configHelpers';
import {
  CanaryCheck,
  CanaryCluster,
  CheckBase,
  DnsCheck,
  HttpCheck,
  TcpCheck,
  TlsCheck,
} from './types';

export const RUNNER_DEFAULTS = {
  intervalMs: 60_000,
  timeoutMs: 10_000,
  /** Shorter intervals would load the scheduler more than they tell. */
  minIntervalMs: 5_000,
  minDaysToExpiry: 14,
  tlsPort: 443,
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function readBase(check: Config, path: string): CheckBase {
  const intervalMs =
    readOptionalDurationMs(check, 'interval', path) ??
    RUNNER_DEFAULTS.intervalMs;
  const timeoutMs =
    readOptionalDurationMs(check, 'timeout', path) ?? RUNNER_DEFAULTS.timeoutMs;
  if (intervalMs < RUNNER_DEFAULTS.minIntervalMs) {
    throw new Error(`${path}.interval must be at least 5 seconds`);
  }
  if (intervalMs % 1000 !== 0) {
    throw new Error(`${path}.interval must be whole seconds`);
  }
  if (timeoutMs > intervalMs) {
    throw new Error(
      `${path}.timeout (${timeoutMs} ms) must not be longer than its interval (${intervalMs} ms): runs would overlap`,
    );
  }
  return {
    name: readName(check, 'name', path),
    capability: readCapability(check, 'capability', path),
    intervalMs,
    timeoutMs,
  };
}

function readUrl(check: Config, path: string): string {
  const raw = check.getString('url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${path}.url "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${path}.url must be an http or https URL`);
  }
  return url.toString();
}

/** `/pattern/flags` is a regular expression; anything else a substring. */
function readBodyMatch(check: Config, path: string): HttpCheck['bodyMatch'] {
  const text = check.getOptionalString('bodyMatch');
  if (text === undefined) return undefined;
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (!regex) return { text };
  try {
    // g and y would make test() remember where it stopped between runs
    return { text, regex: new RegExp(regex[1], regex[2].replace(/[gy]/g, '')) };
  } catch (error) {
    throw new Error(
      `${path}.bodyMatch is not a valid regular expression: ${
        (error as Error).message
      }`,
    );
  }
}

function readHeaders(check: Config, path: string): Record<string, string> {
  const headers = check.getOptionalConfig('headers');
  const result: Record<string, string> = {};
  for (const key of headers?.keys() ?? []) {
    if (!TOKEN.test(key)) {
      throw new Error(`${path}.headers: "${key}" is not a valid header name`);
    }
    result[key] = headers!.getString(key);
  }
  return result;
}

function readHttp(check: Config, base: CheckBase, path: string): HttpCheck {
  const method = (check.getOptionalString('method') ?? 'GET').toUpperCase();
  if (!TOKEN.test(method)) {
    throw new Error(`${path}.method "${method}" is not an HTTP method`);
  }
  const status = check.getOptional('expectedStatus') ?? [200];
  const expectedStatus = Array.isArray(status) ? status : [status];
  if (
    expectedStatus.length === 0 ||
    !expectedStatus.every(
      s => typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599,
    )
  ) {
    throw new Error(
      `${path}.expectedStatus must be an HTTP status (100-599) or a non-empty list of them`,
    );
  }
  const latencyBudgetMs = readOptionalInteger(check, 'latencyBudgetMs', path, [
    1,
    base.timeoutMs,
  ]);
  return {
    ...base,
    type: 'http',
    url: readUrl(check, path),
    method,
    expectedStatus: expectedStatus as number[],
    bodyMatch: readBodyMatch(check, path),
    latencyBudgetMs,
    followRedirects: check.getOptionalBoolean('followRedirects') ?? true,
    headers: readHeaders(check, path),
  };
}

function readDns(check: Config, base: CheckBase, path: string): DnsCheck {
  const recordType = check.getOptionalString('recordType') ?? 'A';
  if (recordType !== 'A' && recordType !== 'AAAA' && recordType !== 'CNAME') {
    throw new Error(`${path}.recordType must be A, AAAA or CNAME`);
  }
  const server = check.getOptionalString('server');
  if (server !== undefined) {
    const host =
      /^\[(.+)\](:\d+)?$/.exec(server)?.[1] ?? server.replace(/:\d+$/, '');
    if (!isIP(host) && !isIP(server)) {
      throw new Error(
        `${path}.server "${server}" must be an IP address, optionally with a port (10.0.0.10:53, [fd00::10]:53)`,
      );
    }
  }
  return {
    ...base,
    type: 'dns',
    hostname: check.getString('hostname'),
    recordType,
    expect: readStringList(check, 'expect'),
    ...(server ? { server } : {}),
  };
}

function readPort(check: Config, path: string, fallback?: number): number {
  const port = readOptionalInteger(check, 'port', path, [1, 65535]) ?? fallback;
  if (port === undefined) throw new Error(`${path}.port is required`);
  return port;
}

function readTcp(check: Config, base: CheckBase, path: string): TcpCheck {
  return {
    ...base,
    type: 'tcp',
    host: check.getString('host'),
    port: readPort(check, path),
  };
}

function readTls(check: Config, base: CheckBase, path: string): TlsCheck {
  const ca = check.getOptionalString('ca');
  if (ca !== undefined && !ca.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(`${path}.ca must hold PEM certificates`);
  }
  return {
    ...base,
    type: 'tls',
    host: check.getString('host'),
    port: readPort(check, path, RUNNER_DEFAULTS.tlsPort),
    servername: check.getOptionalString('servername'),
    minDaysToExpiry:
      readOptionalInteger(check, 'minDaysToExpiry', path, [0, 3650]) ??
      RUNNER_DEFAULTS.minDaysToExpiry,
    ...(ca ? { ca } : {}),
  };
}

const READERS = { http: readHttp, dns: readDns, tcp: readTcp, tls: readTls };

function readCheck(check: Config, path: string): CanaryCheck {
  const type = check.getString('type');
  const read = READERS[type as keyof typeof READERS];
  if (!read) {
    throw new Error(`${path}.type "${type}" must be http, dns, tcp or tls`);
  }
  return read(check, readBase(check, path), path);
}

/**
 * Reads `platform.canary.clusters`: the checks the built-in runner runs.
 * Throws at startup with the key's path, so a typo is not a check that never
 * runs.
 */
export function readRunnerClusters(root: Config): CanaryCluster[] {
  const path = 'platform.canary.clusters';
  const configs = root.getOptionalConfigArray(path) ?? [];
  const clusters = configs.map((cluster, i) => {
    const at = `${path}[${i}]`;
    const checks = (cluster.getOptionalConfigArray('checks') ?? []).map(
      (check, j) => readCheck(check, `${at}.checks[${j}]`),
    );
    rejectDuplicates(
      checks.map(c => c.name),
      `${at}.checks`,
    );
    return { name: readName(cluster, 'name', at), checks };
  });
  rejectDuplicates(
    clusters.map(c => c.name),
    path,
  );
  return clusters;
}
