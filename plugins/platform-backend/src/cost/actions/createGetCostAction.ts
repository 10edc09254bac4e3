import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { DAY_MS } from '@goldenpath/plugin-platform-common';
import { CostService } from '../CostService';

const TOP_CONTROLLERS = 5;

/**
 * `platform:get-cost`: lets assistants (MCP) and other backends ask what a
 * service, a team or a cluster costs, how efficiently, and what right-sizing
 * would save. Read-only; the catalog decides with the caller's credentials
 * whether the entity is visible.
 */
export function createGetCostAction(options: {
  actionsRegistry: ActionsRegistryService;
  cost: CostService;
  now?: () => Date;
}) {
  const { actionsRegistry, cost } = options;
  const now = options.now ?? (() => new Date());
  actionsRegistry.register({
    name: 'get-cost',
    title: 'Get Kubernetes cost',
    description:
      'What a component, a team (Group: the components it owns) or a cluster (kubernetes-cluster Resource) cost over the last windowDays whole UTC days (today so far included), against the window before; CPU/memory efficiency (usage ÷ request); the costliest controllers; and right-sizing savings and under-provisioned risk as monthly figures. Amounts in the configured currency. Definitions: docs/cost-model.md.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref, e.g. component:default/payments-api, group:default/team-payments or resource:default/prod-eu-west-1',
            ),
          windowDays: z
            .number()
            .int()
            .min(1)
            .max(366)
            .optional()
            .describe(
              'Whole UTC days ending tonight; default platform.cost.windowDays (30)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          scope: z.enum(['component', 'group', 'cluster']),
          window: z.object({ from: z.string(), to: z.string() }),
          currency: z.string(),
          cost: z
            .number()
            .describe(
              'CPU + memory cost (plus shared idle when idle sharing is on)',
            ),
          previousCost: z.number().describe('The same over the window before'),
          change: z
            .number()
            .nullable()
            .describe(
              '(cost − previousCost) ÷ previousCost; null when previousCost is 0',
            ),
          efficiency: z.object({
            cpu: z.number(),
            memory: z.number(),
            total: z.number(),
          }),
          idleCost: z
            .number()
            .describe('Idle of the clusters it runs in (not its own cost)'),
          topControllers: z.array(
            z.object({
              cluster: z.string(),
              namespace: z.string(),
              controller: z.string(),
              cost: z.number(),
              efficiency: z.number(),
            }),
          ),
          monthlySavings: z.number(),
          monthlyRiskCost: z
            .number()
            .describe(
              'Extra monthly cost to give under-provisioned containers what they use',
            ),
          savingsWindow: z.object({ from: z.string(), to: z.string() }),
        }),
    },
    action: async ({ input, credentials }) => {
      let from: string | undefined;
      let to: string | undefined;
      if (input.windowDays !== undefined) {
        const toMs = (Math.floor(now().getTime() / DAY_MS) + 1) * DAY_MS;
        to = new Date(toMs).toISOString();
        from = new Date(toMs - input.windowDays * DAY_MS).toISOString();
      }
      const request = { entityRef: input.entityRef, from, to };
      const summary = await cost.getSummary(request, credentials);
      const sizing = await cost.getRecommendations(request, credentials);
      const current = summary.total.costWithIdle;
      const previous = summary.previous.costWithIdle;
      return {
        output: {
          entityRef: summary.entityRef,
          scope: summary.scope,
          window: { from: summary.window.from, to: summary.window.to },
          currency: summary.currency.code,
          cost: current,
          previousCost: previous,
          change: previous > 0 ? (current - previous) / previous : null,
          efficiency: summary.total.efficiency,
          idleCost: summary.idle.reduce((t, i) => t + i.idleCost, 0),
          topControllers: summary.controllers
            .slice(0, TOP_CONTROLLERS)
            .map(c => ({
              cluster: c.cluster,
              namespace: c.namespace,
              controller: `${c.controllerKind}/${c.controller}`,
              cost: c.totals.costWithIdle,
              efficiency: c.totals.efficiency.total,
            })),
          monthlySavings: sizing.totalMonthlySavings,
          monthlyRiskCost: sizing.totalMonthlyRiskCost,
          savingsWindow: { from: sizing.window.from, to: sizing.window.to },
        },
      };
    },
  });
}
