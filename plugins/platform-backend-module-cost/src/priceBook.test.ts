import { ConfigReader } from '@backstage/config';
import { priceBookFromConfig } from './priceBook';

const key = (instanceType: string, capacityType: 'on-demand' | 'spot') => ({
  cluster: 'prod-eu',
  node: 'n1',
  instanceType,
  capacityType,
});

describe('priceBookFromConfig', () => {
  const book = priceBookFromConfig(
    new ConfigReader({
      platform: {
        cost: {
          prices: [
            {
              instanceType: 'm5.xlarge',
              cpuCoreHourPrice: 0.04,
              memoryGibHourPrice: 0.005,
            },
            {
              instanceType: 'm5.*',
              capacityType: 'spot',
              cpuCoreHourPrice: 0.012,
              memoryGibHourPrice: 0.0016,
            },
          ],
        },
      },
    }),
  );

  it('gives the configured price of a node an entry matches', () => {
    expect(book.configured(key('m5.xlarge', 'on-demand'))).toEqual({
      cpuCoreHourPrice: 0.04,
      memoryGibHourPrice: 0.005,
    });
    expect(book.configured(key('m5.2xlarge', 'spot'))).toEqual({
      cpuCoreHourPrice: 0.012,
      memoryGibHourPrice: 0.0016,
    });
  });

  it('has no configured price for other nodes, and falls back to the default table', () => {
    expect(book.configured(key('m5.2xlarge', 'on-demand'))).toBeUndefined();
    const fallback = book.fallback(key('unknown', 'on-demand'));
    // the generic default row
    expect(fallback).toEqual({
      cpuCoreHourPrice: 0.031611,
      memoryGibHourPrice: 0.004237,
    });
    expect(book.fallback(key('m5.xlarge', 'on-demand'))).toEqual({
      cpuCoreHourPrice: 0.04,
      memoryGibHourPrice: 0.005,
    });
  });

  it('refuses an invalid entry at startup, naming it', () => {
    expect(() =>
      priceBookFromConfig(
        new ConfigReader({
          platform: {
            cost: {
              prices: [
                {
                  instanceType: 'm5.xlarge',
                  cpuCoreHourPrice: -1,
                  memoryGibHourPrice: 0,
                },
              ],
            },
          },
        }),
      ),
    ).toThrow(/platform\.cost\.prices\[0\]\.cpuCoreHourPrice/);
  });
});
