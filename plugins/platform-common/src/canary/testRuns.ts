import type { CanaryOutcome, CanaryRun } from './types';

/** Monday 2026-11-02 10:00 UTC. */
export const START_MS = Date.parse('2026-11-02T10:00:00Z');
export const MINUTE_MS = 60_000;

/** The ISO time `n` minutes (fractions allowed) after the start. */
export function minute(n: number): string {
  return new Date(START_MS + n * MINUTE_MS).toISOString();
}

const OUTCOMES: Record<string, CanaryOutcome> = {
  p: 'pass',
  f: 'fail',
  t: 'timeout',
  e: 'error',
};

/** One run of check `ingress-http` (ingress) in `prod-eu` at minute `n`. */
export function run(
  n: number,
  outcome: CanaryOutcome,
  overrides: Partial<CanaryRun> = {},
): CanaryRun {
  return {
    cluster: 'prod-eu',
    check: 'ingress-http',
    capability: 'ingress',
    outcome,
    durationMs: 100,
    startedAt: minute(n),
    ...overrides,
  };
}

/**
 * Runs one minute apart from minute `from`, one per letter: p pass, f fail,
 * t timeout, e error; spaces are ignored ('ppp fff').
 */
export function series(
  letters: string,
  overrides: Partial<CanaryRun> = {},
  from = 0,
): CanaryRun[] {
  return [...letters.replace(/ /g, '')].map((letter, i) => {
    const outcome = OUTCOMES[letter];
    if (!outcome) throw new Error(`unknown outcome letter ${letter}`);
    return run(from + i, outcome, overrides);
  });
}

/** `now` just after the last of `runs`, before it could go stale. */
export function justAfter(runs: CanaryRun[]): string {
  const last = Math.max(...runs.map(r => Date.parse(r.startedAt)));
  return new Date(last + 1000).toISOString();
}
