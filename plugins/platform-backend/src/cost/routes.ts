import {
  FeatureRouteContext,
  PlatformRouter,
} from '../features/PlatformFeature';
import { CostService } from './CostService';
import { parseCostQuery, parsePodsQuery } from './requestSchemas';

/**
 * HTTP translation of the cost reads: parse, call the service, respond. Each
 * path is spelled out so the typed router checks its response against the spec.
 */
export function registerCostRoutes(
  router: PlatformRouter,
  context: FeatureRouteContext,
  cost: CostService,
): void {
  router.get('/cost/summary', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await cost.getSummary(parseCostQuery(req.query), credentials));
  });
  router.get('/cost/pods', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await cost.getPods(parsePodsQuery(req.query), credentials));
  });
  router.get('/cost/recommendations', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(
      await cost.getRecommendations(parseCostQuery(req.query), credentials),
    );
  });
  router.get('/cost/deployments', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await cost.getDeployments(parseCostQuery(req.query), credentials));
  });
}
