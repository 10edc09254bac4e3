import { computeCost } from './computeCost';
import { GiB, onDemandNode, options, sample, spotNode } from './testRows';

/**
 * One hour of cluster prod-eu:
 * - od-1 (on-demand, 4 cores × 0.04 = 0.16 CPU; 16 GiB × 0.005 = 0.08 memory)
 * - sp-1 (spot, 2 cores × 0.01 = 0.02 CPU; 8 GiB × 0.002 = 0.016 memory)
 * Containers:
 * - A on od-1: 1 core, 4 GiB → CPU 0.04, memory 0.02
 * - B on od-1: 2 cores, 8 GiB → CPU 0.08, memory 0.04
 * - C on sp-1: 3 cores (more than the node has), 2 GiB → CPU 0.03, memory 0.004
 */
function cluster() {
  const on = (
    name: string,
    node: string,
    cpuRequestCores: number,
    memoryGiB: number,
  ) =>
    sample(0, {
      controller: { kind: 'Deployment', name },
      pod: `${name}-1`,
      podUid: `uid-${name}`,
      node,
      cpuRequestCores,
      cpuUsageCores: cpuRequestCores / 2,
      memoryRequestBytes: memoryGiB * GiB,
      memoryUsageBytes: (memoryGiB * GiB) / 2,
    });
  return {
    samples: [
      on('a', 'od-1', 1, 4),
      on('b', 'od-1', 2, 8),
      on('c', 'sp-1', 3, 2),
    ],
    nodes: [onDemandNode('od-1', 0), spotNode('sp-1', 0)],
  };
}

const costOf = (
  result: ReturnType<typeof computeCost>,
  name: string,
  field: 'cost' | 'costWithIdle' = 'costWithIdle',
) => result.controllers.find(c => c.controller.name === name)![field];

describe('computeCost: idle', () => {
  it('computes idle per cluster, shown apart from allocations', () => {
    const result = computeCost(cluster(), options(1));
    expect(result.idle).toHaveLength(1);
    const [idle] = result.idle;
    expect(idle.node).toBeUndefined();
    expect(idle.nodeHours).toBe(2);
    // CPU: capacity 0.16 + 0.02 = 0.18; allocated 0.04 + 0.08 + 0.03 = 0.15; idle 0.03
    expect(idle.cpuCapacityCost).toBeCloseTo(0.18, 12);
    expect(idle.cpuAllocatedCost).toBeCloseTo(0.15, 12);
    expect(idle.cpuIdleCost).toBeCloseTo(0.03, 12);
    // C's excess on sp-1 is absorbed by od-1's spare in the same hour of the cluster
    expect(idle.cpuOverAllocatedCost).toBe(0);
    // memory: 0.08 + 0.016 = 0.096 − (0.02 + 0.04 + 0.004 = 0.064) = 0.032
    expect(idle.memoryIdleCost).toBeCloseTo(0.032, 12);
    expect(idle.idleCost).toBeCloseTo(0.062, 12);
    expect(result.idleTotal.idleCost).toBeCloseTo(0.062, 12);
    // not shared: cost with idle is the cost
    expect(result.total.costWithIdle).toBeCloseTo(result.total.cost, 12);
    expect(idle.cpuSharedCost).toBe(0);
  });

  it('computes idle per node, never negative, with the excess reported apart', () => {
    const result = computeCost(cluster(), options(1, { idle: { by: 'node' } }));
    const [od, sp] = result.idle;
    expect(od.node).toBe('od-1');
    // od-1: CPU 0.16 − 0.12 = 0.04; memory 0.08 − 0.06 = 0.02
    expect(od.cpuIdleCost).toBeCloseTo(0.04, 12);
    expect(od.memoryIdleCost).toBeCloseTo(0.02, 12);
    expect(sp.node).toBe('sp-1');
    // sp-1: CPU 0.02 − 0.03 < 0 → idle 0, over-allocated 0.01
    expect(sp.cpuIdleCost).toBe(0);
    expect(sp.cpuOverAllocatedCost).toBeCloseTo(0.01, 12);
    // memory 0.016 − 0.004 = 0.012
    expect(sp.memoryIdleCost).toBeCloseTo(0.012, 12);
    expect(result.idleTotal.idleCost).toBeCloseTo(0.072, 12);
  });

  it('does not let one hour’s over-allocation offset another hour’s idle', () => {
    const input = {
      samples: [
        // hour 0: 3 cores on a 2-core spot node → 0.01 over
        sample(0, {
          node: 'sp-1',
          cpuRequestCores: 3,
          memoryRequestBytes: 0,
          memoryUsageBytes: 0,
        }),
        // hour 1: 1 core → 0.01 idle
        sample(1, {
          node: 'sp-1',
          cpuRequestCores: 1,
          memoryRequestBytes: 0,
          memoryUsageBytes: 0,
        }),
      ],
      nodes: [spotNode('sp-1', 0), spotNode('sp-1', 1)],
    };
    const [idle] = computeCost(input, options(2)).idle;
    expect(idle.cpuIdleCost).toBeCloseTo(0.01, 12);
    expect(idle.cpuOverAllocatedCost).toBeCloseTo(0.01, 12);
  });

  it('shares cluster idle by CPU cost and memory cost respectively', () => {
    const result = computeCost(
      cluster(),
      options(1, { idle: { share: true } }),
    );
    // CPU idle 0.03 by CPU cost: A 0.03 × 0.04/0.15 = 0.008, B 0.016, C 0.006
    // memory idle 0.032 by memory cost: A 0.032 × 0.02/0.064 = 0.01, B 0.02, C 0.002
    const a = result.controllers.find(c => c.controller.name === 'a')!;
    expect(a.sharedIdleCpuCost).toBeCloseTo(0.008, 12);
    expect(a.sharedIdleMemoryCost).toBeCloseTo(0.01, 12);
    // A: 0.06 + 0.018 = 0.078; B: 0.12 + 0.036 = 0.156; C: 0.034 + 0.008 = 0.042
    expect(costOf(result, 'a')).toBeCloseTo(0.078, 12);
    expect(costOf(result, 'b')).toBeCloseTo(0.156, 12);
    expect(costOf(result, 'c')).toBeCloseTo(0.042, 12);
    expect(costOf(result, 'c', 'cost')).toBeCloseTo(0.034, 12);
    // all idle handed out: total with idle = node cost 0.18 + 0.096 = 0.276
    expect(result.total.costWithIdle).toBeCloseTo(0.276, 12);
    expect(result.idle[0].cpuSharedCost).toBeCloseTo(0.03, 12);
    expect(result.idle[0].memorySharedCost).toBeCloseTo(0.032, 12);
  });

  it('shares node idle only with the containers on that node', () => {
    const result = computeCost(
      cluster(),
      options(1, { idle: { share: true, by: 'node' } }),
    );
    // od-1: CPU idle 0.04 → A 0.04 × 0.04/0.12, B 0.04 × 0.08/0.12;
    //       memory idle 0.02 → A 0.02 × 0.02/0.06, B 0.02 × 0.04/0.06
    expect(costOf(result, 'a')).toBeCloseTo(0.06 + 0.04 / 3 + 0.02 / 3, 12);
    expect(costOf(result, 'b')).toBeCloseTo(0.12 + 0.08 / 3 + 0.04 / 3, 12);
    // sp-1: no CPU idle; all 0.012 memory idle to C: 0.034 + 0.012 = 0.046
    expect(costOf(result, 'c')).toBeCloseTo(0.046, 12);
    // 0.214 allocated + 0.072 idle
    expect(result.total.costWithIdle).toBeCloseTo(0.286, 12);
  });

  it('keeps idle unshared on a node with no allocated cost', () => {
    const input = { samples: [], nodes: [spotNode('sp-1', 0)] };
    const result = computeCost(input, options(1, { idle: { share: true } }));
    // 0.02 + 0.016
    expect(result.idle[0].idleCost).toBeCloseTo(0.036, 12);
    expect(result.idle[0].cpuSharedCost).toBe(0);
    expect(result.total.costWithIdle).toBe(0);
  });
});
