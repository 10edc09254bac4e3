import { computeCost } from './computeCost';
import { recommendCpuCores, recommendMemoryBytes } from './rightSizing';
import { DEFAULT_RIGHT_SIZING } from './rightSizing';
import { MiB, hours, onDemandNode, options, sample } from './testRows';

const nodes = (n: number) => hours(0, n).map(h => onDemandNode('od-1', h));

describe('computeCost: right-sizing', () => {
  it('recommends p95 × 1.2 rounded up and counts the savings, pooling the pods of a spec', () => {
    // 1 core and 2 GiB requested; usage over 5 hours, the last 2 from a replacement pod
    const cpu = [0.1, 0.2, 0.2, 0.3, 0.25];
    const memoryMiB = [256, 512, 384, 512, 256];
    const samples = cpu.map((usage, h) =>
      sample(h, {
        ...(h >= 3 ? { pod: 'checkout-b', podUid: 'uid-b' } : {}),
        cpuRequestCores: 1,
        cpuUsageCores: usage,
        memoryRequestBytes: 2048 * MiB,
        memoryUsageBytes: memoryMiB[h] * MiB,
      }),
    );
    const { rightSizing } = computeCost(
      { samples, nodes: nodes(5) },
      options(5),
    );
    expect(rightSizing.risks).toEqual([]);
    const [r] = rightSizing.savings;
    expect(r.samples).toBe(5);
    // CPU sorted 0.1 0.2 0.2 0.25 0.3; rank 0.95 × 4 = 3.8 → 0.25 + 0.8 × 0.05 = 0.29
    expect(r.cpu.usageQuantile).toBeCloseTo(0.29, 12);
    // 0.29 × 1.2 = 0.348 (348.00000000000006 m in floating point) → 348 m
    expect(r.cpu.recommendedRequest).toBe(0.348);
    // current 1 × 0.04 × 5 h = 0.2; recommended 0.348 × 0.04 × 5 = 0.0696
    expect(r.cpu.currentCost).toBeCloseTo(0.2, 12);
    expect(r.cpu.recommendedCost).toBeCloseTo(0.0696, 12);
    // memory sorted 256 256 384 512 512 MiB; rank 3.8 → 512 MiB × 1.2 = 614.4 → 615 MiB
    expect(r.memory.recommendedRequest).toBe(615 * MiB);
    // current 2 GiB × 0.005 × 5 = 0.05; recommended 615/1024 GiB × 0.025 = 0.0150146484375
    expect(r.memory.recommendedCost).toBeCloseTo(0.0150146484375, 12);
    // savings (0.2 − 0.0696) + (0.05 − 0.0150146484375) = 0.1304 + 0.0349853515625 = 0.1653853515625
    expect(r.savings).toBeCloseTo(0.1653853515625, 12);
    // monthly: × 730 h ÷ 5 h = × 146
    expect(r.monthlySavings).toBeCloseTo(24.146261328125, 9);
    expect(rightSizing.totalSavings).toBeCloseTo(0.1653853515625, 12);
  });

  it('lists a bursty container whose p95 is above its request as a risk, never netted against savings', () => {
    // 0.2 core and 256 MiB requested; 20 hours: 18 at 0.05 core, 2 bursts at 1 core; 100 MiB used
    const samples = hours(0, 20).map(h =>
      sample(h, {
        container: 'worker',
        cpuRequestCores: 0.2,
        cpuUsageCores: h < 18 ? 0.05 : 1,
        memoryRequestBytes: 256 * MiB,
        memoryUsageBytes: 100 * MiB,
      }),
    );
    const { rightSizing } = computeCost(
      { samples, nodes: nodes(20) },
      options(20),
    );
    const [risk] = rightSizing.risks;
    // rank 0.95 × 19 = 18.05: sorted[18] = sorted[19] = 1 → p95 1 core → 1.2 cores
    expect(risk.cpu.recommendedRequest).toBe(1.2);
    expect(risk.cpu.underProvisioned).toBe(true);
    // current: (18 × 0.2 + 2 × 1) × 0.04 = 0.224; recommended 20 × 1.2 × 0.04 = 0.96
    expect(risk.riskCost).toBeCloseTo(0.736, 12);
    expect(risk.monthlyRiskCost).toBeCloseTo((0.736 * 730) / 20, 12);
    // memory: 100 MiB × 1.2 = 120 MiB < 256 MiB: a saving of
    // 256/1024 × 0.005 × 20 − 120/1024 × 0.005 × 20 = 0.025 − 0.01171875
    expect(risk.memory.underProvisioned).toBe(false);
    expect(risk.savings).toBeCloseTo(0.01328125, 12);
    // listed apart: the savings total holds only the memory saving
    expect(rightSizing.savings).toEqual([risk]);
    expect(rightSizing.totalSavings).toBeCloseTo(0.01328125, 12);
    expect(rightSizing.totalRiskCost).toBeCloseTo(0.736, 12);
  });

  it('treats a container without a CPU request as under-provisioned', () => {
    const samples = [0, 1].map(h =>
      sample(h, {
        container: 'sidecar',
        cpuRequestCores: 0,
        cpuUsageCores: 0.1,
      }),
    );
    const { rightSizing } = computeCost(
      { samples, nodes: nodes(2) },
      options(2),
    );
    const [risk] = rightSizing.risks;
    // p95 0.1 × 1.2 = 0.12 core > 0
    expect(risk.cpu.currentRequest).toBe(0);
    expect(risk.cpu.recommendedRequest).toBe(0.12);
    // billed usage 0.1 → 0.12: (0.12 − 0.1) × 0.04 × 2 h = 0.0016
    expect(risk.riskCost).toBeCloseTo(0.0016, 12);
  });

  it('applies the floors and rounds up to a whole millicore and MiB', () => {
    const samples = [0, 1].map(h =>
      sample(h, {
        container: 'cron',
        cpuRequestCores: 0.1,
        cpuUsageCores: 0.001,
        memoryRequestBytes: 64 * MiB,
        memoryUsageBytes: 1 * MiB,
      }),
    );
    const { rightSizing } = computeCost(
      { samples, nodes: nodes(2) },
      options(2),
    );
    const [r] = rightSizing.savings;
    // 0.001 × 1.2 = 1.2 m → 2 m → floor 10 m
    expect(r.cpu.recommendedRequest).toBe(0.01);
    // 1 MiB × 1.2 → 2 MiB → floor 20 MiB
    expect(r.memory.recommendedRequest).toBe(20 * MiB);

    const defaults = DEFAULT_RIGHT_SIZING;
    // 0.25 × 1.2 × 1000 is exactly 300 m: not rounded up to 301
    expect(recommendCpuCores(0.25, defaults)).toBe(0.3);
    // 0.2501 × 1.2 = 300.12 m → 301 m
    expect(recommendCpuCores(0.2501, defaults)).toBe(0.301);
    // 100 MiB exactly → 120 MiB; one byte more → 120 MiB + 1.2 bytes → 121 MiB
    expect(recommendMemoryBytes(100 * MiB, defaults)).toBe(120 * MiB);
    expect(recommendMemoryBytes(100 * MiB + 1, defaults)).toBe(121 * MiB);
  });

  it('honours configured percentile and headroom', () => {
    const samples = [0.1, 0.2, 0.3, 0.4, 0.5].map((usage, h) =>
      sample(h, { cpuUsageCores: usage }),
    );
    const { rightSizing } = computeCost(
      { samples, nodes: nodes(5) },
      options(5, { rightSizing: { percentile: 0.5, headroom: 0 } }),
    );
    // median 0.3, no headroom → 300 m
    expect(rightSizing.savings[0].cpu.recommendedRequest).toBe(0.3);
  });
});
