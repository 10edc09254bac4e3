import { computeCost } from './computeCost';
import {
  MiB,
  hours,
  onDemandNode,
  options,
  sample,
  spotNode,
} from './testRows';

describe('computeCost: allocation and roll-ups', () => {
  it('bills a pod replaced mid-day on a spot node at that node’s price, both under the controller', () => {
    // pod a on on-demand od-1 for hours 0–11, pod b on spot sp-1 for hours 12–23
    const input = {
      samples: [
        ...hours(0, 12).map(h => sample(h)),
        ...hours(12, 24).map(h =>
          sample(h, { pod: 'checkout-b', podUid: 'uid-b', node: 'sp-1' }),
        ),
      ],
      nodes: [
        ...hours(0, 24).map(h => onDemandNode('od-1', h)),
        ...hours(0, 24).map(h => spotNode('sp-1', h)),
      ],
    };
    const result = computeCost(input, options(24));

    // pod a: CPU 0.5 core × 0.04 × 12 h = 0.24; memory 1 GiB × 0.005 × 12 h = 0.06
    // pod b: CPU 0.5 × 0.01 × 12 = 0.06; memory 1 × 0.002 × 12 = 0.024
    const [a, b] = result.pods;
    expect(a.podUid).toBe('uid-a');
    expect(a.cpuCost).toBeCloseTo(0.24, 12);
    expect(a.memoryCost).toBeCloseTo(0.06, 12);
    expect(a.cost).toBeCloseTo(0.3, 12);
    expect(b.podUid).toBe('uid-b');
    expect(b.cost).toBeCloseTo(0.084, 12);
    expect(result.allocations[0].capacityType).toBe('on-demand');
    expect(result.allocations[12].capacityType).toBe('spot');

    // controller, container spec, namespace and total: 0.3 + 0.084 = 0.384
    expect(result.controllers).toHaveLength(1);
    expect(result.controllers[0].cost).toBeCloseTo(0.384, 12);
    expect(result.controllers[0].containerHours).toBe(24);
    expect(result.containers).toHaveLength(1);
    expect(result.containers[0].cost).toBeCloseTo(0.384, 12);
    expect(result.namespaces[0].cost).toBeCloseTo(0.384, 12);
    expect(result.total.cost).toBeCloseTo(0.384, 12);
    // usage 0.25 of 0.5 core and 0.5 of 1 GiB every hour: 50 % on both
    expect(result.total.efficiency.cpu).toBeCloseTo(0.5, 12);
    expect(result.total.efficiency.memory).toBeCloseTo(0.5, 12);
    expect(result.total.efficiency.total).toBeCloseTo(0.5, 12);
  });

  it('prices the same container-hour by its own node: spot vs on-demand', () => {
    const input = {
      samples: [
        sample(0),
        sample(0, { pod: 'checkout-s', podUid: 'uid-s', node: 'sp-1' }),
      ],
      nodes: [onDemandNode('od-1', 0), spotNode('sp-1', 0)],
    };
    const [onDemand, spot] = computeCost(input, options(1)).allocations;
    // on-demand: 0.5 × 0.04 + 1 GiB × 0.005 = 0.02 + 0.005 = 0.025
    expect(onDemand).toMatchObject({
      capacityType: 'on-demand',
      instanceType: 'm6i.xlarge',
      missingPrice: false,
    });
    expect(onDemand.cost).toBeCloseTo(0.025, 12);
    // spot: 0.5 × 0.01 + 1 GiB × 0.002 = 0.005 + 0.002 = 0.007
    expect(spot).toMatchObject({
      capacityType: 'spot',
      instanceType: 'm6i.large',
    });
    expect(spot.cpuCost).toBeCloseTo(0.005, 12);
    expect(spot.memoryCost).toBeCloseTo(0.002, 12);
  });

  it('bills max(request, usage) per hour and sums, never averaging ratios', () => {
    const input = {
      samples: [
        // hour 0: usage 0.8 above the 0.5 request → billed 0.8 (160 % of request)
        sample(0, { cpuUsageCores: 0.8 }),
        // hour 1: usage 0.1 under a 1.0 request → billed 1.0 (10 %)
        sample(1, { cpuRequestCores: 1, cpuUsageCores: 0.1 }),
      ],
      nodes: [onDemandNode('od-1', 0), onDemandNode('od-1', 1)],
    };
    const result = computeCost(input, options(2));
    // billed 0.8 + 1.0 = 1.8 core-hours × 0.04 = 0.072
    expect(result.total.cpuBilledCoreHours).toBeCloseTo(1.8, 12);
    expect(result.total.cpuCost).toBeCloseTo(0.072, 12);
    // Σ usage ÷ Σ request = 0.9 ÷ 1.5 = 60 %, not the mean of ratios (85 %)
    expect(result.total.efficiency.cpu).toBeCloseTo(0.6, 12);
  });

  it('counts a container without a CPU request as 100 % CPU-efficient and weights total efficiency by cost', () => {
    const sidecar = (h: number) =>
      sample(h, {
        container: 'sidecar',
        cpuRequestCores: 0,
        cpuUsageCores: 0.1,
        memoryRequestBytes: 64 * MiB,
        memoryUsageBytes: 32 * MiB,
      });
    const input = {
      samples: [sidecar(0), sidecar(1)],
      nodes: [onDemandNode('od-1', 0), onDemandNode('od-1', 1)],
    };
    const { total } = computeCost(input, options(2));
    // CPU billed = usage 0.1 × 0.04 × 2 h = 0.008
    expect(total.cpuCost).toBeCloseTo(0.008, 12);
    // memory billed = 64 MiB = 1/16 GiB × 0.005 × 2 h = 0.000625
    expect(total.memoryCost).toBeCloseTo(0.000625, 12);
    expect(total.efficiency.cpu).toBe(1);
    // 32 / 64 MiB
    expect(total.efficiency.memory).toBeCloseTo(0.5, 12);
    // (1 × 0.008 + 0.5 × 0.000625) ÷ 0.008625 = 0.0083125 ÷ 0.008625
    expect(total.efficiency.total).toBeCloseTo(0.0083125 / 0.008625, 12);
  });

  it('counts a request of 0 without usage as 0 %', () => {
    const input = {
      samples: [
        sample(0, {
          cpuRequestCores: 0,
          cpuUsageCores: 0,
          memoryRequestBytes: 0,
          memoryUsageBytes: 0,
        }),
      ],
      nodes: [onDemandNode('od-1', 0)],
    };
    const { total } = computeCost(input, options(1));
    expect(total.cost).toBe(0);
    expect(total.efficiency).toEqual({ cpu: 0, memory: 0, total: 0 });
  });

  it('flags a sample with no node price, costs it 0 and counts it in inputs', () => {
    const input = {
      samples: [
        sample(0),
        // no price row for node gone-1; usage with no request still scores 0 %: no cost
        sample(0, {
          pod: 'other',
          podUid: 'uid-x',
          node: 'gone-1',
          cpuRequestCores: 0,
          cpuUsageCores: 0.3,
        }),
      ],
      nodes: [onDemandNode('od-1', 0)],
    };
    const result = computeCost(input, options(1));
    const missing = result.allocations[1];
    expect(missing.missingPrice).toBe(true);
    expect(missing.cost).toBe(0);
    expect(result.inputs.missingPriceSamples).toBe(1);
    expect(result.total.missingPriceHours).toBe(1);
    const pod = result.pods.find(p => p.podUid === 'uid-x')!;
    expect(pod.efficiency.cpu).toBe(0);
    // the priced sample: 0.5 × 0.04 + 1 GiB × 0.005 = 0.025
    expect(result.total.cost).toBeCloseTo(0.025, 12);
  });

  it('only counts hours inside [from, to)', () => {
    const input = {
      samples: [sample(0), sample(1), sample(2)],
      nodes: hours(0, 3).map(h => onDemandNode('od-1', h)),
    };
    const result = computeCost(input, {
      window: {
        from: input.samples[1].hourStart,
        to: input.samples[2].hourStart,
      },
    });
    expect(result.inputs).toEqual({
      samples: 3,
      samplesInWindow: 1,
      missingPriceSamples: 0,
      nodeHours: 1,
      windowHours: 1,
    });
  });

  it('gives the same numbers whatever order the rows come in', () => {
    const input = {
      samples: [
        ...hours(0, 12).map(h => sample(h, { cpuUsageCores: 0.1 + h / 7 })),
        ...hours(0, 12).map(h =>
          sample(h, {
            container: 'sidecar',
            node: 'sp-1',
            cpuUsageCores: h / 3,
          }),
        ),
      ],
      nodes: [
        ...hours(0, 12).map(h => onDemandNode('od-1', h)),
        ...hours(0, 12).map(h => spotNode('sp-1', h)),
      ],
    };
    const reversed = {
      samples: [...input.samples].reverse(),
      nodes: [...input.nodes].reverse(),
    };
    const sharing = options(12, { idle: { share: true, by: 'node' } });
    expect(computeCost(reversed, sharing)).toEqual(computeCost(input, sharing));
  });

  it('returns zeros and empty lists for an empty input', () => {
    const result = computeCost({ samples: [], nodes: [] }, options(24));
    expect(result.allocations).toEqual([]);
    expect(result.pods).toEqual([]);
    expect(result.controllers).toEqual([]);
    expect(result.namespaces).toEqual([]);
    expect(result.idle).toEqual([]);
    expect(result.total.cost).toBe(0);
    expect(result.total.efficiency).toEqual({ cpu: 0, memory: 0, total: 0 });
    expect(result.idleTotal.idleCost).toBe(0);
    expect(result.rightSizing).toEqual({
      savings: [],
      risks: [],
      totalSavings: 0,
      totalMonthlySavings: 0,
      totalRiskCost: 0,
      totalMonthlyRiskCost: 0,
    });
    expect(result.window.hours).toBe(24);
  });
});
