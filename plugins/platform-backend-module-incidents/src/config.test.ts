import { ConfigReader } from '@backstage/config';
import { readIncidentsConfig } from './config';

describe('readIncidentsConfig', () => {
  it('reads nothing as no secrets and no service map', () => {
    expect(readIncidentsConfig(new ConfigReader({}))).toEqual({
      webhookSecret: undefined,
      pagerduty: { webhookSecret: undefined, services: {} },
    });
  });

  it('reads every key', () => {
    const incidents = {
      webhookSecret: 'a',
      pagerduty: {
        webhookSecret: 'b',
        services: { PF9KMXH: 'component:default/payments-api' },
      },
    };
    expect(
      readIncidentsConfig(new ConfigReader({ platform: { incidents } })),
    ).toEqual(incidents);
  });
});
