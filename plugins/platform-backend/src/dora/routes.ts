import { BackstageCredentials } from '@backstage/backend-plugin-api';
import express from 'express';
import { FeatureRouteContext } from '../features/PlatformFeature';
import { DoraRequest, DoraService } from './DoraService';
import { parseDoraQuery, parseEnvironmentsQuery } from './requestSchemas';

/** HTTP translation of the DORA reads: parse, call the service, respond. */
export function registerDoraRoutes(
  router: express.Router,
  context: FeatureRouteContext,
  dora: DoraService,
): void {
  const windowed: Record<
    string,
    (r: DoraRequest, c: BackstageCredentials) => Promise<unknown>
  > = {
    '/dora/metrics': (r, c) => dora.getMetrics(r, c),
    '/dora/deployments': (r, c) => dora.getDeployments(r, c),
    '/dora/changes': (r, c) => dora.getChanges(r, c),
    '/dora/incidents': (r, c) => dora.getIncidents(r, c),
    '/dora/group': (r, c) => dora.getGroup(r, c),
  };
  for (const [path, handler] of Object.entries(windowed)) {
    router.get(path, async (req, res) => {
      const credentials = await context.credentials(req);
      res.json(await handler(parseDoraQuery(req.query), credentials));
    });
  }

  router.get('/dora/environments', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(
      await dora.getEnvironments(
        parseEnvironmentsQuery(req.query),
        credentials,
      ),
    );
  });
}
