import {
  FeatureRouteContext,
  PlatformRouter,
} from '../features/PlatformFeature';
import { DoraService } from './DoraService';
import { parseDoraQuery, parseEnvironmentsQuery } from './requestSchemas';

/**
 * HTTP translation of the DORA reads: parse, call the service, respond. Each
 * path is spelled out so the typed router checks its response against the spec.
 */
export function registerDoraRoutes(
  router: PlatformRouter,
  context: FeatureRouteContext,
  dora: DoraService,
): void {
  router.get('/dora/metrics', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await dora.getMetrics(parseDoraQuery(req.query), credentials));
  });
  router.get('/dora/deployments', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await dora.getDeployments(parseDoraQuery(req.query), credentials));
  });
  router.get('/dora/changes', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await dora.getChanges(parseDoraQuery(req.query), credentials));
  });
  router.get('/dora/incidents', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await dora.getIncidents(parseDoraQuery(req.query), credentials));
  });
  router.get('/dora/group', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await dora.getGroup(parseDoraQuery(req.query), credentials));
  });
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
