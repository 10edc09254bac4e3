import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { Random } from './random';
import { HOUR_MS, daysOverlapping, dayStartMs, iso } from './time';

export const CANARY_SOURCE = 'demo-canary';

type Capability =
  | 'deploy'
  | 'dns'
  | 'ingress'
  | 'certificates'
  | 'metrics'
  | 'logs';

interface CanaryCheck {
  check: string;
  capability: Capability;
  /** A passing run's duration range. */
  durationMs: [number, number];
  timeoutMs: number;
  failures: Array<(cluster: string) => string>;
  timeout: (cluster: string) => string;
}

const CHECKS: readonly CanaryCheck[] = [
  {
    check: 'canonical-app-deploy',
    capability: 'deploy',
    durationMs: [38_000, 110_000],
    timeoutMs: 300_000,
    failures: [
      () => 'rollout of canary-app stalled: 0/2 replicas available',
      () => 'ImagePullBackOff: back-off pulling image for canary-app',
      () => 'admission webhook "policy.acme.example" is unavailable',
    ],
    timeout: () => 'deploying canary-app did not finish within 300s',
  },
  {
    check: 'dns-resolution',
    capability: 'dns',
    durationMs: [15, 180],
    timeoutMs: 5_000,
    failures: [
      c => `SERVFAIL resolving canary.${c}.acme.example`,
      c => `NXDOMAIN for canary-app.canary.svc in ${c}`,
    ],
    timeout: () => 'DNS query got no answer within 5s',
  },
  {
    check: 'ingress-routing',
    capability: 'ingress',
    durationMs: [40, 450],
    timeoutMs: 10_000,
    failures: [
      c => `GET https://canary.${c}.acme.example/healthz returned 503`,
      () => 'ingress controller answered 502 Bad Gateway',
    ],
    timeout: () => 'no response from the ingress within 10s',
  },
  {
    check: 'certificate-expiry',
    capability: 'certificates',
    durationMs: [80, 650],
    timeoutMs: 10_000,
    failures: [
      c =>
        `certificate for canary.${c}.acme.example expires in 9 days (threshold 14 days)`,
      () => 'certificate renewal failed: ACME challenge was not answered',
    ],
    timeout: () => 'TLS handshake did not complete within 10s',
  },
  {
    check: 'metrics-pipeline',
    capability: 'metrics',
    durationMs: [2_000, 16_000],
    timeoutMs: 60_000,
    failures: [
      () => 'canary metric was not queryable 60s after it was written',
      () => 'remote write rejected: 429 Too Many Requests',
    ],
    timeout: () => 'metrics query did not return within 60s',
  },
  {
    check: 'log-pipeline',
    capability: 'logs',
    durationMs: [4_000, 30_000],
    timeoutMs: 60_000,
    failures: [
      () => 'canary log line was not searchable 60s after it was written',
      () => 'log shipper is dropping records: buffer full',
    ],
    timeout: () => 'log search did not return within 60s',
  },
];

type Outcome = 'pass' | 'fail' | 'error' | 'timeout';

/**
 * The outcome of each hour of one day for one check: mostly passes, with the
 * odd episode of a few failing (or timing out, or flapping) hours.
 */
function planOutcomes(rng: Random): Outcome[] {
  const outcomes: Outcome[] = Array.from({ length: 24 }, () => 'pass');
  if (rng.chance(0.06)) {
    const length = rng.int(1, 4);
    const start = rng.int(0, 24 - length);
    const kind = rng.weighted([
      ['fail', 0.55],
      ['timeout', 0.3],
      ['flapping', 0.15],
    ] as const);
    for (let i = 0; i < length; i++) {
      if (kind === 'flapping') {
        outcomes[start + i] = i % 2 === 0 ? 'fail' : 'pass';
      } else {
        outcomes[start + i] = kind;
      }
    }
  }
  for (let hour = 0; hour < 24; hour++) {
    if (outcomes[hour] === 'pass' && rng.chance(0.002)) {
      outcomes[hour] = 'error';
    }
  }
  return outcomes;
}

/**
 * One run per hour per check for every cluster, for the runs that finish in
 * [fromMs, toMs).
 */
export function generateCanaryEvents(
  seed: string,
  clusters: readonly string[],
  fromMs: number,
  toMs: number,
): CanonicalEventInput[] {
  const events: CanonicalEventInput[] = [];
  for (const cluster of clusters) {
    for (const day of daysOverlapping(fromMs - HOUR_MS, toMs)) {
      CHECKS.forEach((check, index) => {
        const rng = Random.of(seed, cluster, check.check, day, 'canary');
        const outcomes = planOutcomes(rng);
        for (let hour = 0; hour < 24; hour++) {
          const hourStartMs = dayStartMs(day) + hour * HOUR_MS;
          const startedAtMs = Math.round(
            hourStartMs + index * 7_000 + rng.between(0, 3_000),
          );
          const outcome = outcomes[hour];
          const passMs = rng.between(...check.durationMs);
          const failure = rng.pick(check.failures)(cluster);
          let durationMs = Math.round(passMs);
          let errors: string[] = [];
          if (outcome === 'fail') {
            durationMs = Math.round(Math.min(check.timeoutMs, passMs * 1.6));
            errors = [failure];
          } else if (outcome === 'timeout') {
            durationMs = check.timeoutMs;
            errors = [check.timeout(cluster)];
          } else if (outcome === 'error') {
            durationMs = Math.round(passMs * 0.1);
            errors = ['canary runner lost its connection to the API server'];
          }
          const occurredAtMs = startedAtMs + durationMs;
          if (occurredAtMs < fromMs || occurredAtMs >= toMs) continue;
          events.push({
            id: `${cluster}/${check.check}/${iso(hourStartMs).slice(0, 13)}`,
            source: CANARY_SOURCE,
            type: 'canary.run',
            occurredAt: iso(occurredAtMs),
            subject: { kind: 'cluster', name: cluster },
            data: {
              cluster,
              check: check.check,
              capability: check.capability,
              outcome,
              durationMs,
              errors,
              startedAt: iso(startedAtMs),
            },
          });
        }
      });
    }
  }
  return events;
}
