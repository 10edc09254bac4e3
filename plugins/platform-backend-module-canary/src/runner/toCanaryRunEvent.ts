import {
  CanonicalEventOf,
  EVENT_LIMITS,
} from '@goldenpath/plugin-platform-common';
import { CanaryCheck, CheckResult } from './types';

/** The source of the built-in runner's events. @public */
export const CANARY_RUNNER_SOURCE = 'canary-runner';

/** `schedule` for the scheduler's runs, `manual` for "Run now". @public */
export type CanaryTrigger = 'schedule' | 'manual';

export type CanaryRunEvent = CanonicalEventOf<'canary.run'>;

/**
 * One run as a `canary.run` event: id `cluster/check/startedAt` (unique per
 * run, so a re-send is a duplicate), about the cluster, at the time the
 * verdict was reached. The log tail goes only with runs that did not pass.
 */
export function toCanaryRunEvent(options: {
  cluster: string;
  check: CanaryCheck;
  result: CheckResult;
  startedAtMs: number;
  trigger: CanaryTrigger;
}): CanaryRunEvent {
  const { cluster, check, result, trigger } = options;
  const startedAt = new Date(options.startedAtMs).toISOString();
  return {
    id: `${cluster}/${check.name}/${startedAt}`,
    source: CANARY_RUNNER_SOURCE,
    type: 'canary.run',
    occurredAt: new Date(options.startedAtMs + result.durationMs).toISOString(),
    subject: { kind: 'cluster', name: cluster },
    data: {
      cluster,
      check: check.name,
      capability: check.capability,
      outcome: result.outcome,
      durationMs: result.durationMs,
      errors: result.errors.slice(0, EVENT_LIMITS.errors),
      startedAt,
      intervalSeconds: Math.round(check.intervalMs / 1000),
      ...(result.outcome === 'pass'
        ? {}
        : { logTail: result.log.slice(-EVENT_LIMITS.errors) }),
      trigger,
    },
  };
}
