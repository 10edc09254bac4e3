/** p50 and p95 of one call, in ms. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

/** The interpolated quantile `q` of ascending values. */
export function percentile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

/** Calls `fn` `warmUp` times untimed, then `runs` times timed one by one. */
export async function timeMany(
  runs: number,
  warmUp: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { runs, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

/**
 * Times two calls against each other, alternating them call by call (and
 * which goes first), so both meet the same heap, garbage collector and CPU
 * clock: timed one block after the other, the second block ran on the heap
 * the first left behind, and the ratio moved by ±0.5 between runs.
 */
export async function timeInterleaved(
  runs: number,
  warmUp: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmUp; i++) {
    await a(i);
    await b(i);
  }
  const times: [number[], number[]] = [[], []];
  const calls = [a, b];
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = process.hrtime.bigint();
      await calls[which](i);
      times[which].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map(ms => {
    ms.sort((x, y) => x - y);
    return { runs, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
  }) as [Timing, Timing];
}
