import {
  FeatureRouteContext,
  PlatformRouter,
} from '../features/PlatformFeature';
import { CanaryService } from './CanaryService';
import {
  parseEntityQuery,
  parseIncidentsQuery,
  parseRunNowParams,
  parseRunsQuery,
  parseStatusQuery,
} from './requestSchemas';

/**
 * HTTP translation of the canary routes: parse, call the service, respond.
 * Each path is spelled out so the typed router checks its response against
 * the spec.
 */
export function registerCanaryRoutes(
  router: PlatformRouter,
  context: FeatureRouteContext,
  canary: CanaryService,
): void {
  router.get('/canary/status', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await canary.getStatus(parseStatusQuery(req.query), credentials));
  });
  router.get('/canary/runs', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(await canary.getRuns(parseRunsQuery(req.query), credentials));
  });
  router.get('/canary/rollouts', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(
      await canary.getRollouts(parseEntityQuery(req.query), credentials),
    );
  });
  router.get('/canary/incidents', async (req, res) => {
    const credentials = await context.credentials(req);
    res.json(
      await canary.getIncidents(parseIncidentsQuery(req.query), credentials),
    );
  });
  router.post(
    '/canary/clusters/:cluster/checks/:check/run',
    async (req, res) => {
      const credentials = await context.credentials(req);
      res
        .status(202)
        .json(await canary.runNow(parseRunNowParams(req.params), credentials));
    },
  );
}
