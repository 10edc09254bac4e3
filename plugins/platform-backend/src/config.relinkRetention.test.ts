import { ConfigReader } from '@backstage/config';
import { readPlatformConfig } from './config';

const DAY = 24 * 3_600_000;
const read = (platform: object) =>
  readPlatformConfig(new ConfigReader({ platform }));

describe('relink and retention settings', () => {
  it('has bounded defaults', () => {
    const settings = read({});
    expect(settings.linker).toMatchObject({
      relinkWindowMs: 30 * DAY,
      maxRelinkPerRun: 10_000,
    });
    expect(settings.retention).toEqual({
      unlinkedEventsMs: 90 * DAY,
      rawPayloadsMs: 30 * DAY,
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { minutes: 2 },
      },
    });
  });

  it('reads durations, a schedule, and false to keep forever', () => {
    const settings = read({
      linker: { relinkWindow: { days: 7 }, maxRelinkPerRun: 500 },
      retention: {
        unlinkedEvents: 'P14D',
        rawPayloads: false,
        schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
      },
    });
    expect(settings.linker).toMatchObject({
      relinkWindowMs: 7 * DAY,
      maxRelinkPerRun: 500,
    });
    expect(settings.retention).toEqual({
      unlinkedEventsMs: 14 * DAY,
      rawPayloadsMs: undefined,
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
    });
  });

  it.each([
    [
      { linker: { maxRelinkPerRun: 0 } },
      'platform.linker.maxRelinkPerRun must be a positive integer',
    ],
    [
      { linker: { relinkWindow: { days: 0 } } },
      'platform.linker.relinkWindow must be a positive duration',
    ],
    [
      { retention: { rawPayloads: { days: 0 } } },
      'platform.retention.rawPayloads must be a positive duration, or false to keep forever',
    ],
    [
      {
        linker: { relinkWindow: { days: 60 } },
        retention: { unlinkedEvents: { days: 30 } },
      },
      'platform.retention.unlinkedEvents must not be shorter than platform.linker.relinkWindow',
    ],
  ])('rejects %j', (platform, message) => {
    expect(() => read(platform)).toThrow(message);
  });
});
