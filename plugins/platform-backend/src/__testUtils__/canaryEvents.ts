import {
  CanaryCapability,
  CanaryOutcome,
  CanonicalEventInput,
} from '@goldenpath/plugin-platform-common';

/** Now, for canary tests: 12:00 on the hand-built day. */
export const CANARY_NOW = new Date('2026-11-09T12:00:00.000Z');
export const EU = 'prod-eu-west-1';
export const US = 'prod-us-east-1';
export const MINUTE_MS = 60_000;

const OUTCOMES: Record<string, CanaryOutcome> = {
  p: 'pass',
  f: 'fail',
  t: 'timeout',
  e: 'error',
};

export interface CanaryRunSpec {
  cluster?: string;
  check?: string;
  capability?: CanaryCapability;
  outcome?: CanaryOutcome;
  startedAt: string;
  durationMs?: number;
  errors?: string[];
  logTail?: string[];
  intervalSeconds?: number;
  trigger?: 'schedule' | 'manual';
  source?: string;
}

/** A `canary.run` event; the id is unique per (source, cluster, check, start). */
export function canaryRun(spec: CanaryRunSpec): CanonicalEventInput {
  const cluster = spec.cluster ?? EU;
  const check = spec.check ?? 'ingress-http';
  const source = spec.source ?? 'test-canary';
  const startedMs = Date.parse(spec.startedAt);
  const durationMs = spec.durationMs ?? 100;
  return {
    id: `${cluster}/${check}/${new Date(startedMs).toISOString()}`,
    source,
    type: 'canary.run',
    occurredAt: new Date(startedMs + durationMs).toISOString(),
    subject: { kind: 'cluster', name: cluster },
    data: {
      cluster,
      check,
      capability: spec.capability ?? 'ingress',
      outcome: spec.outcome ?? 'pass',
      durationMs,
      errors: spec.errors ?? [],
      startedAt: new Date(startedMs).toISOString(),
      ...(spec.intervalSeconds
        ? { intervalSeconds: spec.intervalSeconds }
        : {}),
      ...(spec.logTail ? { logTail: spec.logTail } : {}),
      ...(spec.trigger ? { trigger: spec.trigger } : {}),
    },
  } as CanonicalEventInput;
}

/**
 * One run per interval from `from`, outcomes written as letters: p pass,
 * f fail, t timeout, e error (`'ppftf'`). Durations are 100 ms plus the
 * index, so p95s are checkable.
 */
export function canaryRuns(
  pattern: string,
  options: Omit<CanaryRunSpec, 'startedAt' | 'outcome'> & {
    from: string;
    intervalMs?: number;
  },
): CanonicalEventInput[] {
  const { from, intervalMs = MINUTE_MS, ...rest } = options;
  return [...pattern].map((letter, i) =>
    canaryRun({
      durationMs: 100 + i,
      ...rest,
      outcome: OUTCOMES[letter],
      startedAt: new Date(Date.parse(from) + i * intervalMs).toISOString(),
    }),
  );
}

/** The `canary.run` data of events, as the model's runs. */
export function asRuns(events: CanonicalEventInput[]) {
  return events.map(e => {
    const d = e.data as any;
    return {
      cluster: d.cluster,
      check: d.check,
      capability: d.capability,
      outcome: d.outcome,
      durationMs: d.durationMs,
      startedAt: d.startedAt,
    };
  });
}

/** A `rollout.updated` event of a component's rollout. */
export function rolloutEvent(spec: {
  id: string;
  occurredAt: string;
  kubernetesId?: string;
  cluster?: string;
  namespace?: string;
  name?: string;
  data?: Record<string, unknown>;
}): CanonicalEventInput {
  const cluster = spec.cluster ?? EU;
  return {
    id: spec.id,
    source: 'test-argo',
    type: 'rollout.updated',
    occurredAt: spec.occurredAt,
    subject: {
      kind: 'kubernetes-id',
      name: spec.kubernetesId ?? 'payments-api',
      cluster,
      namespace: spec.namespace ?? 'payments',
    },
    data: {
      cluster,
      namespace: spec.namespace ?? 'payments',
      name: spec.name ?? 'payments-api',
      strategy: 'canary',
      step: 2,
      totalSteps: 5,
      desiredWeight: 40,
      actualWeight: 40,
      phase: 'Paused',
      pauseReason: 'CanaryPauseStep',
      ...spec.data,
    },
  } as CanonicalEventInput;
}
