import { ConfigReader } from '@backstage/config';
import { readCostConfig } from './config';

const read = (cost: object) =>
  readCostConfig(new ConfigReader({ platform: { cost } }));

describe('readCostConfig', () => {
  it('has the documented defaults', () => {
    const settings = readCostConfig(new ConfigReader({}));
    expect(settings).toMatchObject({
      windowDays: 30,
      currency: { code: 'USD', rate: 1 },
      idle: { share: false, by: 'cluster' },
      rightSizing: {
        percentile: 0.95,
        headroom: 0.2,
        cpuFloorMillicores: 10,
        memoryFloorBytes: 20 * 2 ** 20,
      },
      retention: { rawDays: 35, hourlyDays: 400, dailyDays: 1095 },
      deployments: {
        compareDays: 7,
        raiseThreshold: 0.1,
        environment: 'production',
      },
    });
    expect(settings.priceOverride('m6i.large', 'on-demand')).toBeUndefined();
  });

  it('reads configured values', () => {
    const settings = read({
      windowDays: 14,
      currency: { code: 'eur', rate: 0.92 },
      idle: { share: true, by: 'node' },
      rightSizing: { memoryFloorMiB: 64 },
      deployments: { environment: 'Prod' },
      prices: [
        {
          instanceType: 'm6i.*',
          cpuCoreHourPrice: 0.03,
          memoryGibHourPrice: 0.004,
        },
      ],
    });
    expect(settings.windowDays).toBe(14);
    expect(settings.currency).toEqual({ code: 'EUR', rate: 0.92 });
    expect(settings.idle).toEqual({ share: true, by: 'node' });
    expect(settings.rightSizing.memoryFloorBytes).toBe(64 * 2 ** 20);
    expect(settings.deployments.environment).toBe('prod');
    expect(settings.priceOverride('m6i.large', 'spot')).toEqual({
      cpuCoreHourPrice: 0.03,
      memoryGibHourPrice: 0.004,
    });
    // no configured entry: no override (the default table is the producers')
    expect(settings.priceOverride('c6i.large', 'spot')).toBeUndefined();
  });

  it.each([
    [{ windowDays: 0 }, /platform\.cost\.windowDays/],
    [{ currency: { rate: 0 } }, /platform\.cost\.currency\.rate/],
    [{ currency: { code: 'dollars' } }, /platform\.cost\.currency\.code/],
    [
      { idle: { by: 'pod' } },
      /platform\.cost\.idle\.by must be one of cluster, node/,
    ],
    [
      { rightSizing: { percentile: 1.5 } },
      /platform\.cost\.rightSizing\.percentile/,
    ],
    [
      { rightSizing: { headroom: -0.1 } },
      /platform\.cost\.rightSizing\.headroom/,
    ],
    [{ rightSizing: { cpuFloorMillicores: 2.5 } }, /cpuFloorMillicores/],
    [{ retention: { rawDays: 500 } }, /rawDays \(500\) ≤ hourlyDays \(400\)/],
    [{ retention: { dailyDays: 0 } }, /platform\.cost\.retention\.dailyDays/],
    [
      { deployments: { compareDays: 0 } },
      /platform\.cost\.deployments\.compareDays/,
    ],
    [{ deployments: { raiseThreshold: -1 } }, /raiseThreshold/],
    [
      {
        prices: [
          {
            instanceType: 'm6i.large',
            cpuCoreHourPrice: -1,
            memoryGibHourPrice: 0,
          },
        ],
      },
      /platform\.cost\.prices\[0\]\.cpuCoreHourPrice/,
    ],
  ])('stops at startup on %j, naming the key', (cost, message) => {
    expect(() => read(cost)).toThrow(message);
  });
});
