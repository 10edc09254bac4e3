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
