import { ConfigReader } from '@backstage/config';
import { readDemoConfig } from './config';

describe('readDemoConfig', () => {
  it('is on with the documented defaults once the module is installed', () => {
    expect(readDemoConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      historyDays: 180,
      telemetryDays: 30,
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 15 },
      },
    });
  });

  it('takes enabled: false, the days and a schedule from platform.demo', () => {
    const settings = readDemoConfig(
      new ConfigReader({
        platform: {
          demo: {
            enabled: false,
            historyDays: 14,
            telemetryDays: 1,
            schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
          },
        },
      }),
    );
    expect(settings).toMatchObject({
      enabled: false,
      historyDays: 14,
      telemetryDays: 1,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
    });
  });

  it('names the key when a number of days is not a positive integer', () => {
    expect(() =>
      readDemoConfig(
        new ConfigReader({ platform: { demo: { historyDays: 0 } } }),
      ),
    ).toThrow('platform.demo.historyDays must be a positive integer');
  });
});
