import { ConfigReader } from '@backstage/config';
import { readCanaryConfig } from './config';

const read = (canary: object) =>
  readCanaryConfig(new ConfigReader({ platform: { canary } }));

describe('readCanaryConfig', () => {
  it('has the documented defaults', () => {
    const s = readCanaryConfig(new ConfigReader({}));
    expect(s).toMatchObject({
      state: {
        failuresToDown: 3,
        passesToUp: 2,
        flapEnterPercent: 50,
        flapExitPercent: 25,
      },
      platformWideMinClusters: 2,
      criticalCapabilities: ['deploy', 'ingress'],
      maintenance: [],
      defaultWindow: '24h',
      clusterLookbackMs: 7 * 86_400_000,
      retention: { rawDays: 30, hourlyDays: 400 },
      notifications: { enabled: true, maxAgeMs: 3_600_000 },
    });
    expect(s.notifications.schedule.frequency).toEqual({ seconds: 30 });
  });

  it('reads every key', () => {
    const s = read({
      thresholds: { downAfter: 5, upAfter: 1 },
      flapping: { enterPercent: 40, exitPercent: 10 },
      platformWideClusters: 3,
      criticalCapabilities: ['dns'],
      defaultWindow: '7d',
      clusterLookback: { days: 2 },
      maintenance: [
        {
          clusters: ['prod-eu'],
          from: '2026-11-10T22:00:00Z',
          to: '2026-11-11T02:00:00Z',
        },
        { weekly: { day: 'sunday', start: '23:00', durationMinutes: 120 } },
      ],
      retention: {
        rawDays: 7,
        hourlyDays: 90,
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 10 } },
      },
      notifications: { enabled: false, maxAge: { minutes: 15 } },
    });
    expect(s).toMatchObject({
      state: {
        failuresToDown: 5,
        passesToUp: 1,
        flapEnterPercent: 40,
        flapExitPercent: 10,
      },
      platformWideMinClusters: 3,
      criticalCapabilities: ['dns'],
      defaultWindow: '7d',
      clusterLookbackMs: 2 * 86_400_000,
      maintenance: [
        {
          clusters: ['prod-eu'],
          from: '2026-11-10T22:00:00Z',
          to: '2026-11-11T02:00:00Z',
        },
        { weekly: { day: 'sunday', start: '23:00', durationMinutes: 120 } },
      ],
      retention: { rawDays: 7, hourlyDays: 90 },
      notifications: { enabled: false, maxAgeMs: 15 * 60_000 },
    });
    expect(s.retention.schedule.frequency).toEqual({ hours: 6 });
  });

  it.each([
    [
      { thresholds: { downAfter: 0 } },
      /platform.canary.thresholds.downAfter must be a whole number from 1/,
    ],
    [{ thresholds: { upAfter: 1.5 } }, /platform.canary.thresholds.upAfter/],
    [
      { flapping: { enterPercent: 120 } },
      /platform.canary.flapping.enterPercent must be a percentage/,
    ],
    [
      { flapping: { enterPercent: 20, exitPercent: 30 } },
      /exitPercent \(30\) must be below enterPercent \(20\)/,
    ],
    [
      { criticalCapabilities: ['network'] },
      /platform.canary.criticalCapabilities: network is not one of/,
    ],
    [{ defaultWindow: '2h' }, /platform.canary.defaultWindow must be one of/],
    [
      { retention: { rawDays: 50, hourlyDays: 40 } },
      /rawDays \(50\) ≤ hourlyDays \(40\)/,
    ],
    [
      {
        maintenance: [
          { weekly: { day: 'sunday', start: '23:00', durationMinutes: 60 } },
          { from: '2026-11-11T00:00:00Z', to: '2026-11-10T00:00:00Z' },
        ],
      },
      /platform.canary.maintenance\[1\]: from and to must be timestamps with from < to/,
    ],
  ])(
    'stops the backend on a bad value, naming the key (%#)',
    (canary, message) => {
      expect(() => read(canary)).toThrow(message);
    },
  );
});
