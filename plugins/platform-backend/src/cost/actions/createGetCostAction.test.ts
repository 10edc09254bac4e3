import { mockCredentials } from '@backstage/backend-test-utils';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { z } from 'zod/v3';
import { createGetCostAction } from './createGetCostAction';

const totals = (cost: number) => ({
  cost,
  costWithIdle: cost,
  efficiency: { cpu: 0.5, memory: 0.25, total: 0.4 },
});

describe('platform:get-cost', () => {
  it('registers a read-only action that answers with the summary figures and the monthly savings', async () => {
    let registered: any;
    const registry: ActionsRegistryService = {
      register: options => {
        registered = options;
      },
    };
    const getSummary = jest.fn().mockResolvedValue({
      entityRef: 'component:default/payments-api',
      scope: 'component',
      window: {
        from: '2026-11-03T00:00:00.000Z',
        to: '2026-11-10T00:00:00.000Z',
      },
      currency: { code: 'EUR', rate: 0.9 },
      total: totals(12),
      previous: totals(10),
      idle: [{ idleCost: 3 }, { idleCost: 1.5 }],
      controllers: Array.from({ length: 7 }, (_, i) => ({
        cluster: 'prod',
        namespace: 'payments',
        controllerKind: 'Deployment',
        controller: `c${i}`,
        totals: totals(7 - i),
      })),
    });
    const getRecommendations = jest.fn().mockResolvedValue({
      window: {
        from: '2026-11-03T00:00:00.000Z',
        to: '2026-11-10T00:00:00.000Z',
      },
      totalMonthlySavings: 40,
      totalMonthlyRiskCost: 8,
    });
    createGetCostAction({
      actionsRegistry: registry,
      cost: { getSummary, getRecommendations } as any,
      now: () => new Date('2026-11-09T15:00:00Z'),
    });
    expect(registered.name).toBe('get-cost');
    expect(registered.attributes).toMatchObject({
      readOnly: true,
      destructive: false,
    });

    const input = registered.schema
      .input(z)
      .parse({ entityRef: 'payments-api', windowDays: 7 });
    const credentials = mockCredentials.user();
    const { output } = await registered.action({ input, credentials });
    // 7 whole days ending at the next UTC midnight
    const request = {
      entityRef: 'payments-api',
      from: '2026-11-03T00:00:00.000Z',
      to: '2026-11-10T00:00:00.000Z',
    };
    expect(getSummary).toHaveBeenCalledWith(request, credentials);
    expect(getRecommendations).toHaveBeenCalledWith(request, credentials);
    expect(registered.schema.output(z).parse(output)).toEqual(output);
    expect(output).toMatchObject({
      currency: 'EUR',
      cost: 12,
      previousCost: 10,
      change: 0.2,
      idleCost: 4.5,
      monthlySavings: 40,
      monthlyRiskCost: 8,
    });
    expect(output.topControllers).toHaveLength(5);
    expect(output.topControllers[0]).toEqual({
      cluster: 'prod',
      namespace: 'payments',
      controller: 'Deployment/c0',
      cost: 7,
      efficiency: 0.4,
    });
    expect(() =>
      registered.schema.input(z).parse({ entityRef: 'x', windowDays: 0 }),
    ).toThrow();
  });
});
