import type { CanaryCapability } from '@goldenpath/plugin-platform-common';

/** What every check declares, whatever its type. */
export interface CheckBase {
  /** Unique within its cluster; the check name in events. */
  name: string;
  /** The platform capability a failure of this check means is broken. */
  capability: CanaryCapability;
  intervalMs: number;
  timeoutMs: number;
}

/** GET (or another method) a URL; proves routing, TLS and the app answer. */
export interface HttpCheck extends CheckBase {
  type: 'http';
  url: string;
  method: string;
  /** Any of these statuses passes. */
  expectedStatus: number[];
  /** A substring, or a regular expression written `/pattern/flags`. */
  bodyMatch?: { text: string; regex?: RegExp };
  /** Slower than this (headers and body) fails, though the answer was right. */
  latencyBudgetMs?: number;
  followRedirects: boolean;
  headers: Record<string, string>;
}

/** Resolves a name; proves DNS answers (and answers what is expected). */
export interface DnsCheck extends CheckBase {
  type: 'dns';
  hostname: string;
  recordType: 'A' | 'AAAA' | 'CNAME';
  /** Each of these must be among the answers (addresses or CNAME targets). */
  expect: string[];
  /** Ask this DNS server (`ip` or `ip:port`) instead of the system resolver. */
  server?: string;
}

/** Opens a TCP connection; proves something listens and is reachable. */
export interface TcpCheck extends CheckBase {
  type: 'tcp';
  host: string;
  port: number;
}

/** A TLS handshake; proves the certificate is trusted, matches and is not about to expire. */
export interface TlsCheck extends CheckBase {
  type: 'tls';
  host: string;
  port: number;
  /** SNI and the name the certificate must match (default: host). */
  servername?: string;
  /** Fewer days left than this fails. */
  minDaysToExpiry: number;
  /** Extra trusted CA certificates (PEM), for private CAs. */
  ca?: string;
}

/** @public */
export type CanaryCheck = HttpCheck | DnsCheck | TcpCheck | TlsCheck;

/** @public */
export type CanaryCheckType = CanaryCheck['type'];

/** A cluster of the built-in runner and the checks it runs there. @public */
export interface CanaryCluster {
  name: string;
  checks: CanaryCheck[];
}

/** @public */
export type CanaryOutcome = 'pass' | 'fail' | 'timeout' | 'error';

/** What one run of a check found. @public */
export interface CheckResult {
  outcome: CanaryOutcome;
  /** Whole milliseconds from the start of the probe to its verdict. */
  durationMs: number;
  /** Why it did not pass (empty on a pass). */
  errors: string[];
  /** What the probe did, line by line (kept whatever the outcome). */
  log: string[];
}
