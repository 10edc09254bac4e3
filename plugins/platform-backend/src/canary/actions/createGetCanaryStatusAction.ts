import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CanaryService } from '../CanaryService';

/**
 * `platform:get-canary-status`: lets assistants (MCP) and other backends ask
 * whether the platform under a service (or a cluster) is healthy, which
 * canaries fail there and whether the failure is platform-wide. Read-only;
 * the catalog decides with the caller's credentials whether the entity is
 * visible.
 */
export function createGetCanaryStatusAction(options: {
  actionsRegistry: ActionsRegistryService;
  canary: CanaryService;
}) {
  const { actionsRegistry, canary } = options;
  actionsRegistry.register({
    name: 'get-canary-status',
    title: 'Get canary status',
    description:
      'Whether the platform under a component (the Kubernetes clusters it runs in) or a cluster (kubernetes-cluster Resource) is healthy, from synthetic canary checks of deploy, DNS, ingress, certificates, metrics and logs: a verdict (healthy, degraded, down, unknown), the checks that are down, stale or flapping, which failures are platform-wide (the same check down in several clusters), uptime and p95 duration over the window, and when data last arrived. Definitions: docs/canary.md.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref, e.g. component:default/payments-api or resource:default/prod-eu-west-1',
            ),
          window: z
            .enum(['1h', '24h', '7d', '30d'])
            .optional()
            .describe(
              'Uptime window; default platform.canary.defaultWindow (24h)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          verdict: z.enum(['healthy', 'degraded', 'down', 'unknown']),
          clusters: z.array(z.string()),
          clusterSource: z
            .string()
            .describe(
              'How the clusters were found: annotation, events (where its pods were seen), resource (a cluster), none',
            ),
          latestRunAt: z
            .string()
            .nullable()
            .describe('Data freshness: the latest run of any check considered'),
          problems: z
            .array(
              z.object({
                cluster: z.string(),
                check: z.string(),
                capability: z.string(),
                display: z.string().describe('down, stale or flapping'),
                since: z.string().nullable(),
                consecutiveFailures: z.number(),
                platformWide: z.boolean(),
              }),
            )
            .describe('Checks that lower the verdict'),
          platformWide: z
            .array(
              z.object({
                check: z.string(),
                capability: z.string(),
                clustersDown: z.array(z.string()),
                clustersRunning: z.number(),
              }),
            )
            .describe('Checks down in several clusters of the whole fleet'),
          window: z.object({
            key: z.string(),
            from: z.string(),
            to: z.string(),
          }),
          uptime: z
            .number()
            .nullable()
            .describe(
              'Passes ÷ (passes + failures) over every check in the window, 0 … 1',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const s = await canary.getStatus(input, credentials);
      const checks = s.matrix.flatMap(r => r.cells.flatMap(c => c.checks));
      const passes = checks.reduce((t, c) => t + c.stats.passes, 0);
      const failures = checks.reduce((t, c) => t + c.stats.failures, 0);
      const byKey = new Map(
        checks.map(c => [`${c.cluster}\u0000${c.check}`, c]),
      );
      return {
        output: {
          entityRef: s.entityRef,
          verdict: s.verdict.verdict,
          clusters: s.clusters,
          clusterSource: s.clusterSource,
          latestRunAt: s.verdict.latestRunAt ?? null,
          problems: s.verdict.reasons.map(r => {
            const c = byKey.get(`${r.cluster}\u0000${r.check}`);
            return {
              cluster: r.cluster,
              check: r.check,
              capability: r.capability,
              display: r.display,
              since: c?.since ?? null,
              consecutiveFailures: c?.consecutiveFailures ?? 0,
              platformWide: c?.platformWide ?? false,
            };
          }),
          platformWide: s.platformWide,
          window: s.window,
          uptime: passes + failures > 0 ? passes / (passes + failures) : null,
        },
      };
    },
  });
}
