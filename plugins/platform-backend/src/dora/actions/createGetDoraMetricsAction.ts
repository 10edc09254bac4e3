import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { DoraService } from '../DoraService';

/**
 * `platform:get-dora-metrics`: lets assistants (MCP) and other backends ask for a
 * service's or a team's DORA numbers. Read-only; the catalog decides with the
 * caller's credentials whether the entity is visible.
 */
export function createGetDoraMetricsAction(options: {
  actionsRegistry: ActionsRegistryService;
  dora: DoraService;
}) {
  const { actionsRegistry, dora } = options;
  actionsRegistry.register({
    name: 'get-dora-metrics',
    title: 'Get DORA metrics',
    description:
      'Deployment frequency, lead time for changes, change failure rate, failed deployment recovery time and rework rate, with DORA tiers, for a component or a team (Group: rolls up the components it owns) over a time window. Defaults: the last 90 days, production.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref, e.g. component:default/payments-api or group:default/team-payments',
            ),
          from: z
            .string()
            .datetime({ offset: true })
            .optional()
            .describe('Window start (inclusive), ISO-8601'),
          to: z
            .string()
            .datetime({ offset: true })
            .optional()
            .describe('Window end (exclusive), ISO-8601'),
          environment: z
            .string()
            .optional()
            .describe('Deployment environment, default production'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          entityRefs: z
            .array(z.string())
            .describe('Components the numbers cover'),
          window: z.object({
            from: z.string(),
            to: z.string(),
            environment: z.string(),
          }),
          deploymentFrequency: z.object({
            deployments: z.number(),
            perWeek: z.number(),
            tier: z.string().nullable(),
          }),
          leadTime: z.object({
            medianHours: z.number().nullable(),
            p90Hours: z.number().nullable(),
            tier: z.string().nullable(),
          }),
          changeFailureRate: z.object({
            rate: z.number().nullable(),
            failed: z.number(),
            deployments: z.number(),
            tier: z.string().nullable(),
          }),
          recoveryTime: z.object({
            medianHours: z.number().nullable(),
            open: z.number(),
            tier: z.string().nullable(),
          }),
          reworkRate: z.object({ rate: z.number().nullable() }),
        }),
    },
    action: async ({ input, credentials }) => {
      const m = await dora.getMetrics(input, credentials);
      return {
        output: {
          entityRef: m.entityRef,
          entityRefs: m.entityRefs,
          window: {
            from: m.options.from,
            to: m.options.to,
            environment: m.options.environment,
          },
          deploymentFrequency: {
            deployments: m.deploymentFrequency.deployments,
            perWeek: m.deploymentFrequency.perWeek,
            tier: m.deploymentFrequency.tier,
          },
          leadTime: {
            medianHours: m.leadTime.medianHours,
            p90Hours: m.leadTime.p90Hours,
            tier: m.leadTime.tier,
          },
          changeFailureRate: {
            rate: m.changeFailureRate.rate,
            failed: m.changeFailureRate.failed,
            deployments: m.changeFailureRate.deployments,
            tier: m.changeFailureRate.tier,
          },
          recoveryTime: {
            medianHours: m.recoveryTime.medianHours,
            open: m.recoveryTime.open,
            tier: m.recoveryTime.tier,
          },
          reworkRate: { rate: m.reworkRate.rate },
        },
      };
    },
  });
}
