import {
  ConfiguredNodePrice,
  DEFAULT_NODE_PRICES,
  resolveNodePrice,
} from './prices';
import { parseNodePricesConfig } from './pricesConfig';

const onDemand = (instanceType?: string) =>
  ({ instanceType, capacityType: 'on-demand' } as const);
const spot = (instanceType?: string) =>
  ({ instanceType, capacityType: 'spot' } as const);

describe('default node prices', () => {
  it('splits a reference instance into core and GiB prices that add up to its list price', () => {
    // m6i.large: 2 cores, 8 GiB, 0.096 an hour
    const m = resolveNodePrice(onDemand('m6i.large'));
    expect(m).toMatchObject({ source: 'default', rule: 'aws-general-purpose' });
    expect(2 * m.cpuCoreHourPrice + 8 * m.memoryGibHourPrice).toBeCloseTo(
      0.096,
      5,
    );
    // ... in OpenCost's default CPU:memory price ratio
    expect(m.cpuCoreHourPrice / m.memoryGibHourPrice).toBeCloseTo(
      0.031611 / 0.004237,
      2,
    );
    const r = resolveNodePrice(onDemand('r6i.2xlarge'));
    expect(2 * r.cpuCoreHourPrice + 16 * r.memoryGibHourPrice).toBeCloseTo(
      0.126,
      5,
    );
  });

  it.each([
    ['m5.xlarge', 'aws-general-purpose'],
    ['m7i-flex.large', 'aws-general-purpose'],
    ['m6g.large', 'aws-graviton'],
    ['c7g.xlarge', 'aws-graviton'],
    ['t3.medium', 'aws-burstable'],
    ['c6i.large', 'aws-compute-optimised'],
    ['r5.large', 'aws-memory-optimised'],
    ['e2-standard-4', 'gcp-e2'],
    ['n2-standard-4', 'generic'],
    ['Standard_D4s_v5', 'azure-general-purpose'],
    ['standard_e8s_v5', 'azure-memory-optimised'],
    ['custom-bare-metal', 'generic'],
    ['', 'generic'],
    [undefined, 'generic'],
  ])('prices %s by the %s row', (instanceType, rule) => {
    expect(resolveNodePrice(onDemand(instanceType)).rule).toBe(rule);
  });

  it('gives the generic row OpenCost default prices', () => {
    expect(resolveNodePrice(onDemand('unknown'))).toEqual({
      cpuCoreHourPrice: 0.031611,
      memoryGibHourPrice: 0.004237,
      source: 'default',
      rule: 'generic',
    });
  });

  it('takes the spot discount off default prices', () => {
    const full = resolveNodePrice(onDemand('c6i.large'));
    const cheap = resolveNodePrice(spot('c6i.large'));
    expect(DEFAULT_NODE_PRICES.spotDiscount).toBe(0.7);
    expect(cheap.rule).toBe('aws-compute-optimised, spot');
    expect(cheap.cpuCoreHourPrice).toBeCloseTo(full.cpuCoreHourPrice * 0.3, 6);
    expect(cheap.memoryGibHourPrice).toBeCloseTo(
      full.memoryGibHourPrice * 0.3,
      6,
    );
  });

  it('has positive prices in every default row', () => {
    for (const row of [
      ...DEFAULT_NODE_PRICES.families,
      DEFAULT_NODE_PRICES.generic,
    ]) {
      expect(row.cpuCoreHourPrice).toBeGreaterThan(0);
      expect(row.memoryGibHourPrice).toBeGreaterThan(0);
    }
  });
});

describe('configured node prices', () => {
  const configured: ConfiguredNodePrice[] = [
    { instanceType: '*', cpuCoreHourPrice: 0.05, memoryGibHourPrice: 0.005 },
    {
      instanceType: 'm6i.*',
      cpuCoreHourPrice: 0.03,
      memoryGibHourPrice: 0.004,
    },
    {
      instanceType: 'm6i.large',
      cpuCoreHourPrice: 0.02,
      memoryGibHourPrice: 0.003,
    },
    {
      instanceType: 'm6i.*',
      capacityType: 'spot',
      cpuCoreHourPrice: 0.01,
      memoryGibHourPrice: 0.001,
    },
  ];

  it.each([
    [onDemand('m6i.large'), 'm6i.large', 0.02],
    [spot('m6i.large'), 'm6i.large', 0.02],
    [onDemand('m6i.xlarge'), 'm6i.*', 0.03],
    [spot('m6i.xlarge'), 'm6i.*, spot', 0.01],
    [onDemand('M6I.XLARGE'), 'm6i.*', 0.03],
    [onDemand('c6i.large'), '*', 0.05],
    [spot(undefined), '*', 0.05],
  ])('prices %j by the entry %s', (node, rule, cpu) => {
    expect(resolveNodePrice(node, configured)).toMatchObject({
      source: 'config',
      rule,
      cpuCoreHourPrice: cpu,
    });
  });

  it('uses configured prices as written, without a spot discount', () => {
    const only = [
      {
        instanceType: 'm6i.large',
        cpuCoreHourPrice: 0.02,
        memoryGibHourPrice: 0.003,
      },
    ];
    expect(resolveNodePrice(spot('m6i.large'), only)).toEqual({
      cpuCoreHourPrice: 0.02,
      memoryGibHourPrice: 0.003,
      source: 'config',
      rule: 'm6i.large',
    });
  });

  it('falls back to the default table when no entry matches', () => {
    const only: ConfiguredNodePrice[] = [
      {
        instanceType: 'm6i.large',
        capacityType: 'spot',
        cpuCoreHourPrice: 1,
        memoryGibHourPrice: 1,
      },
    ];
    expect(resolveNodePrice(onDemand('m6i.large'), only)).toEqual(
      resolveNodePrice(onDemand('m6i.large')),
    );
    expect(resolveNodePrice(onDemand('m6i.large'), only).source).toBe(
      'default',
    );
  });
});

describe('parseNodePricesConfig', () => {
  it('reads absent config as no entries', () => {
    expect(parseNodePricesConfig(undefined)).toEqual([]);
  });

  it('reads entries, trimming the instance type', () => {
    expect(
      parseNodePricesConfig([
        {
          instanceType: ' m6i.* ',
          capacityType: 'spot',
          cpuCoreHourPrice: 0.01,
          memoryGibHourPrice: 0,
        },
      ]),
    ).toEqual([
      {
        instanceType: 'm6i.*',
        capacityType: 'spot',
        cpuCoreHourPrice: 0.01,
        memoryGibHourPrice: 0,
      },
    ]);
  });

  it.each([
    [{}, /^Invalid platform.cost.prices: platform.cost.prices: /],
    [
      [
        {
          instanceType: 'm6i.large',
          cpuCoreHourPrice: -1,
          memoryGibHourPrice: 0,
        },
      ],
      /platform.cost.prices\[0\].cpuCoreHourPrice: Too small/,
    ],
    [
      [
        {
          instanceType: 'm*.large',
          cpuCoreHourPrice: 1,
          memoryGibHourPrice: 0,
        },
      ],
      /platform.cost.prices\[0\].instanceType: a "\*" may only end/,
    ],
    [
      [{ instanceType: '', cpuCoreHourPrice: 1, memoryGibHourPrice: 0 }],
      /\[0\].instanceType: Too small/,
    ],
    [
      [
        {
          instanceType: 'a',
          capacityType: 'reserved',
          cpuCoreHourPrice: 1,
          memoryGibHourPrice: 0,
        },
      ],
      /\[0\].capacityType: /,
    ],
    [
      [{ instanceType: 'a', cpuCoreHourPrice: '0.1', memoryGibHourPrice: 0 }],
      /\[0\].cpuCoreHourPrice: /,
    ],
    [
      [
        {
          instanceType: 'a',
          cpuCoreHourPrice: 1,
          memoryGibHourPrice: 0,
          currency: 'EUR',
        },
      ],
      /\[0\]: .*currency/,
    ],
    [
      [
        { instanceType: 'M6I.*', cpuCoreHourPrice: 1, memoryGibHourPrice: 0 },
        { instanceType: 'c6i.*', cpuCoreHourPrice: 1, memoryGibHourPrice: 0 },
        { instanceType: 'm6i.*', cpuCoreHourPrice: 2, memoryGibHourPrice: 0 },
      ],
      /platform.cost.prices\[2\].instanceType: repeats entry 0 \(m6i.\*\)/,
    ],
  ])('refuses %j', (value, message) => {
    expect(() => parseNodePricesConfig(value)).toThrow(message);
  });

  it('allows one entry per capacity type for the same instance type', () => {
    expect(
      parseNodePricesConfig([
        { instanceType: 'm6i.*', cpuCoreHourPrice: 1, memoryGibHourPrice: 0 },
        {
          instanceType: 'm6i.*',
          capacityType: 'spot',
          cpuCoreHourPrice: 1,
          memoryGibHourPrice: 0,
        },
      ]),
    ).toHaveLength(2);
  });
});
