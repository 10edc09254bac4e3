import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCHEDULE, readCostSourceSettings } from './config';

const read = (
  sources: object,
  source: 'opencost' | 'prometheus' = 'opencost',
) =>
  readCostSourceSettings(
    new ConfigReader({ platform: { cost: { sources } } }),
    source,
  );

describe('readCostSourceSettings', () => {
  it('is undefined for a source without clusters', () => {
    expect(read({})).toBeUndefined();
    expect(read({ opencost: { clusters: [] } })).toBeUndefined();
  });

  it('applies the documented defaults', () => {
    expect(
      read({
        opencost: {
          clusters: [
            { name: 'prod-eu', baseUrl: 'http://opencost.opencost:9003/' },
          ],
        },
      }),
    ).toEqual({
      clusters: [
        {
          name: 'prod-eu',
          baseUrl: 'http://opencost.opencost:9003',
          headers: {},
        },
      ],
      schedule: DEFAULT_SCHEDULE,
      lookbackHours: 3,
      maxCatchUpHours: 24,
      requestTimeoutMs: 60_000,
    });
  });

  it('reads every key', () => {
    expect(
      read(
        {
          prometheus: {
            clusters: [
              {
                name: 'prod-us',
                baseUrl: 'https://mimir.example.com/prometheus',
                headers: {
                  Authorization: 'Bearer t',
                  'X-Scope-OrgID': 'platform',
                },
                selector: 'cluster="prod-us"',
              },
            ],
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
            lookbackHours: 6,
            maxCatchUpHours: 48,
            requestTimeout: { seconds: 20 },
          },
        },
        'prometheus',
      ),
    ).toEqual({
      clusters: [
        {
          name: 'prod-us',
          baseUrl: 'https://mimir.example.com/prometheus',
          headers: { Authorization: 'Bearer t', 'X-Scope-OrgID': 'platform' },
          selector: 'cluster="prod-us"',
        },
      ],
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      lookbackHours: 6,
      maxCatchUpHours: 48,
      requestTimeoutMs: 20_000,
    });
  });

  it.each([
    [
      { clusters: [{ name: 'a/b', baseUrl: 'http://x' }] },
      /clusters\[0\]\.name "a\/b" must be/,
    ],
    [
      { clusters: [{ name: 'a', baseUrl: 'ftp://x' }] },
      /baseUrl must be an http or https URL/,
    ],
    [
      { clusters: [{ name: 'a', baseUrl: 'not a url' }] },
      /baseUrl "not a url" is not a URL/,
    ],
    [
      { clusters: [{ name: 'a', baseUrl: 'http://x?q=1' }] },
      /no query or fragment/,
    ],
    [
      {
        clusters: [
          { name: 'a', baseUrl: 'http://x' },
          { name: 'a', baseUrl: 'http://y' },
        ],
      },
      /"a" is listed twice/,
    ],
    [
      { clusters: [{ name: 'a', baseUrl: 'http://x' }], lookbackHours: 0 },
      /lookbackHours must be a whole number/,
    ],
    [
      {
        clusters: [{ name: 'a', baseUrl: 'http://x' }],
        lookbackHours: 12,
        maxCatchUpHours: 6,
      },
      /maxCatchUpHours \(6\) must be at least lookbackHours \(12\)/,
    ],
    [
      {
        clusters: [{ name: 'a', baseUrl: 'http://x', selector: 'cluster="a"' }],
      },
      /selector is only read for Prometheus clusters/,
    ],
    [
      {
        clusters: [
          { name: 'a', baseUrl: 'http://x', headers: { 'Bad Header': 'x' } },
        ],
      },
      /"Bad Header" is not a valid header name/,
    ],
  ])('refuses %j', (opencost, message) => {
    expect(() => read({ opencost })).toThrow(message);
  });

  it('refuses a selector with braces', () => {
    expect(() =>
      read(
        {
          prometheus: {
            clusters: [
              { name: 'a', baseUrl: 'http://x', selector: '{cluster="a"}' },
            ],
          },
        },
        'prometheus',
      ),
    ).toThrow(/without braces/);
  });

  it('keeps maxCatchUpHours at least the lookback when only the lookback is set', () => {
    expect(
      read({
        opencost: {
          clusters: [{ name: 'a', baseUrl: 'http://x' }],
          lookbackHours: 48,
        },
      })?.maxCatchUpHours,
    ).toBe(48);
  });
});
