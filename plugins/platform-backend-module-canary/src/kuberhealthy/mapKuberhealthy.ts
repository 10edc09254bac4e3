import {
  CANARY_CAPABILITIES,
  CanaryCapability,
  EVENT_LIMITS,
} from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { CanaryRunEvent } from '../runner/toCanaryRunEvent';
import { parseGoDurationMs } from '../shared/goDuration';
import {
  CAPABILITY_ANNOTATION,
  healthCheck,
  kuberhealthyCheck,
  kuberhealthyState,
} from './types';

/** How a Kuberhealthy check's capability is chosen (see README). */
export interface CapabilityRules {
  /** By `namespace/name` or `name`. */
  byCheck: Record<string, CanaryCapability>;
  fallback: CanaryCapability;
}

export interface MappedRuns {
  events: CanaryRunEvent[];
  /** Objects that could not be read, with why (logged by the poller). */
  problems: string[];
}

/** Kuberhealthy reports its own timeouts as errors; these words mark them. */
const TIMEOUT_ERROR = /timed? ?out|deadline exceeded/i;

function capabilityOf(
  namespace: string,
  name: string,
  annotations: Record<string, string | undefined>,
  rules: CapabilityRules,
  problems: string[],
): CanaryCapability {
  const annotated = annotations[CAPABILITY_ANNOTATION];
  if (annotated !== undefined) {
    if ((CANARY_CAPABILITIES as readonly string[]).includes(annotated)) {
      return annotated as CanaryCapability;
    }
    problems.push(
      `${namespace}/${name}: ${CAPABILITY_ANNOTATION} "${annotated}" is not a capability; using the configured one`,
    );
  }
  return (
    rules.byCheck[`${namespace}/${name}`] ??
    rules.byCheck[name] ??
    rules.fallback
  );
}

function outcomeOf(
  ok: boolean,
  errors: string[],
): CanaryRunEvent['data']['outcome'] {
  if (ok) return 'pass';
  return errors.some(e => TIMEOUT_ERROR.test(e)) ? 'timeout' : 'fail';
}

function clip(errors: string[]): string[] {
  return errors
    .slice(0, EVENT_LIMITS.errors)
    .map(e =>
      e.length > EVENT_LIMITS.errorMessage
        ? `${e.slice(0, EVENT_LIMITS.errorMessage - 1)}…`
        : e,
    );
}

function intervalSeconds(runInterval: string | null | undefined) {
  const ms = parseGoDurationMs(runInterval);
  return ms && ms >= 1000 ? Math.round(ms / 1000) : undefined;
}

function run(options: {
  cluster: string;
  namespace: string;
  name: string;
  capability: CanaryCapability;
  ok: boolean;
  errors: string[];
  startedAtMs: number;
  durationMs: number;
  intervalSeconds?: number;
}): CanaryRunEvent {
  const { cluster, namespace, name, ok } = options;
  const check = `${namespace}/${name}`;
  const startedAt = new Date(options.startedAtMs).toISOString();
  const errors = clip(options.errors);
  return {
    id: `${cluster}/${check}/${startedAt}`,
    source: `kuberhealthy/${cluster}`,
    type: 'canary.run',
    occurredAt: new Date(
      options.startedAtMs + options.durationMs,
    ).toISOString(),
    subject: { kind: 'cluster', name: cluster },
    data: {
      cluster,
      check,
      capability: options.capability,
      outcome: outcomeOf(ok, errors),
      durationMs: options.durationMs,
      errors,
      startedAt,
      ...(options.intervalSeconds
        ? { intervalSeconds: options.intervalSeconds }
        : {}),
      trigger: 'schedule',
    },
  };
}

function parseItems<S extends z.ZodType>(
  schema: S,
  items: unknown[],
  what: string,
  problems: string[],
): Array<z.infer<S>> {
  const parsed: Array<z.infer<S>> = [];
  items.forEach((item, i) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else {
      problems.push(
        `${what} ${i}: not the expected shape (${result.error.issues
          .slice(0, 2)
          .map(issue => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')})`,
      );
    }
  });
  return parsed;
}

const wholeMs = (ms: number) => Math.max(0, Math.round(ms));

/**
 * Kuberhealthy v2: each `KuberhealthyState` of a check (not of a run-once
 * `KHJob`) that has run is one run. v2 writes `LastRun` when the checker pod
 * reports, so the run started `RunDuration` before it. The schedule and
 * annotations come from the `KuberhealthyCheck` of the same name.
 */
export function mapKuberhealthyV2(options: {
  cluster: string;
  states: unknown[];
  checks: unknown[];
  rules: CapabilityRules;
}): MappedRuns {
  const problems: string[] = [];
  const states = parseItems(
    kuberhealthyState,
    options.states,
    'KuberhealthyState',
    problems,
  );
  const checks = parseItems(
    kuberhealthyCheck,
    options.checks,
    'KuberhealthyCheck',
    problems,
  );
  const checkOf = new Map(
    checks.map(c => [`${c.metadata.namespace}/${c.metadata.name}`, c]),
  );
  const events: CanaryRunEvent[] = [];
  for (const state of states) {
    const { name, namespace } = state.metadata;
    if (state.spec.khWorkload === 'KHJob') continue;
    const reportedAt = Date.parse(state.spec.LastRun ?? '');
    if (!Number.isFinite(reportedAt) || reportedAt <= 0) continue;
    const check = checkOf.get(`${namespace}/${name}`);
    const durationMs = wholeMs(parseGoDurationMs(state.spec.RunDuration) ?? 0);
    events.push(
      run({
        cluster: options.cluster,
        namespace,
        name,
        capability: capabilityOf(
          namespace,
          name,
          { ...state.metadata.annotations, ...check?.metadata.annotations },
          options.rules,
          problems,
        ),
        ok: state.spec.OK,
        errors: state.spec.Errors ?? [],
        startedAtMs: reportedAt - durationMs,
        durationMs,
        intervalSeconds: intervalSeconds(check?.spec.runInterval),
      }),
    );
  }
  return { events, problems };
}

/**
 * Kuberhealthy v3: each `HealthCheck` whose last run has reported is one run.
 * `lastRunUnix` is when the run started; while `currentUUID` is set a new run
 * is in progress and `ok`/`errors` are still the previous run's, so the check
 * is skipped until it reports.
 */
export function mapKuberhealthyV3(options: {
  cluster: string;
  healthChecks: unknown[];
  rules: CapabilityRules;
}): MappedRuns {
  const problems: string[] = [];
  const items = parseItems(
    healthCheck,
    options.healthChecks,
    'HealthCheck',
    problems,
  );
  const events: CanaryRunEvent[] = [];
  for (const item of items) {
    const { name, namespace } = item.metadata;
    const { status } = item;
    if (!status.lastRunUnix || status.lastRunUnix <= 0 || status.currentUUID) {
      continue;
    }
    events.push(
      run({
        cluster: options.cluster,
        namespace,
        name,
        capability: capabilityOf(
          namespace,
          name,
          item.metadata.annotations ?? {},
          options.rules,
          problems,
        ),
        ok: status.ok,
        errors: status.errors ?? [],
        startedAtMs: status.lastRunUnix * 1000,
        durationMs: wholeMs((status.runDuration ?? 0) / 1e6),
        intervalSeconds: intervalSeconds(item.spec.runInterval),
      }),
    );
  }
  return { events, problems };
}
