import type { CanaryCheckKey, CanaryOutcome, CanaryRun } from './types';

/** Code-unit order, not locale order, so results are the same on every machine. */
export function compareText(x: string, y: string): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

export function compareCheckKeys(x: CanaryCheckKey, y: CanaryCheckKey): number {
  return compareText(x.cluster, y.cluster) || compareText(x.check, y.check);
}

export function checkKeyOf(run: CanaryCheckKey): CanaryCheckKey {
  return { cluster: run.cluster, check: run.check, capability: run.capability };
}

const OUTCOME_ORDER: Record<CanaryOutcome, number> = {
  pass: 0,
  fail: 1,
  timeout: 2,
  error: 3,
};

/**
 * Time order; runs of one check that share a start (a duplicate delivery, a
 * manual run) are put in a fixed order so the input order never matters.
 */
export function byStartThenOutcome(x: CanaryRun, y: CanaryRun): number {
  return (
    Date.parse(x.startedAt) - Date.parse(y.startedAt) ||
    OUTCOME_ORDER[x.outcome] - OUTCOME_ORDER[y.outcome] ||
    x.durationMs - y.durationMs ||
    compareCheckKeys(x, y) ||
    compareText(x.capability, y.capability)
  );
}
