import { mockCredentials } from '@backstage/backend-test-utils';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { z } from 'zod/v3';
import { createGetDoraMetricsAction } from './createGetDoraMetricsAction';

describe('platform:get-dora-metrics', () => {
  it('registers a read-only action that answers with the summary', async () => {
    let registered: any;
    const registry: ActionsRegistryService = {
      register: options => {
        registered = options;
      },
    };
    const getMetrics = jest.fn().mockResolvedValue({
      entityRef: 'component:default/payments-api',
      entityRefs: ['component:default/payments-api'],
      options: { from: 'a', to: 'b', environment: 'production' },
      deploymentFrequency: { deployments: 12, perWeek: 3, tier: 'high' },
      leadTime: { medianHours: 20, p90Hours: 40, tier: 'elite' },
      changeFailureRate: {
        rate: 0.1,
        failed: 1,
        deployments: 12,
        tier: 'medium',
      },
      recoveryTime: { medianHours: 2, open: 0, tier: 'high' },
      reworkRate: { rate: 0.05 },
    });
    createGetDoraMetricsAction({
      actionsRegistry: registry,
      dora: { getMetrics } as any,
    });
    expect(registered.name).toBe('get-dora-metrics');
    expect(registered.attributes).toMatchObject({
      readOnly: true,
      destructive: false,
    });

    const input = registered.schema
      .input(z)
      .parse({ entityRef: 'payments-api' });
    const credentials = mockCredentials.user();
    const { output } = await registered.action({ input, credentials });
    expect(getMetrics).toHaveBeenCalledWith(
      { entityRef: 'payments-api' },
      credentials,
    );
    expect(registered.schema.output(z).parse(output)).toEqual(output);
    expect(output).toMatchObject({
      window: { environment: 'production' },
      leadTime: { medianHours: 20, tier: 'elite' },
      changeFailureRate: { rate: 0.1, failed: 1 },
    });
  });
});
