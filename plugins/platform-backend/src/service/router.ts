import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  IngestResponse,
  PlatformHealth,
  platformEventCreatePermission,
  platformEventReadPermission,
} from '@goldenpath/plugin-platform-common';
import { PlatformEventSource } from '@goldenpath/plugin-platform-node';
import express from 'express';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { describeBodyError } from '../errors';
import { createPlatformOpenApiRouter } from '../schema/createPlatformOpenApiRouter';
import { getEntityActivity } from '../eventLog/entityActivity';
import { EventStore } from '../eventLog/EventStore';
import { PlatformFeature, PlatformRouter } from '../features/PlatformFeature';
import { EventIntake } from '../ingest/EventIntake';
import { ProjectionHealth } from '../projections/ProjectionRunner';
import {
  parseActivityQuery,
  parseEventListQuery,
  unwrapEventBatch,
} from './requestSchemas';

export interface RouterOptions {
  intake: EventIntake;
  store: EventStore;
  catalog: CatalogService;
  features: PlatformFeature[];
  linkerStatus: () => PlatformHealth['linker'];
  projectionHealth: () => Promise<Record<string, ProjectionHealth>>;
  sources: PlatformEventSource[];
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  maxBodySize: string | number;
}

/**
 * HTTP translation only: parse, authorize, call the intake, the log or a
 * feature, respond. The shared routes are here; each feature adds its own.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<PlatformRouter> {
  const { intake, store, httpAuth, permissions, maxBodySize } = options;
  const router = await createPlatformOpenApiRouter();

  const authorize = async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`not allowed: ${permission.name}`);
    }
  };

  const credentials = (req: express.Request<any, any, any, any, any>) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/health', async (req, res) => {
    await credentials(req);
    const health: PlatformHealth = {
      status: 'ok',
      database: 'ok',
      events: await store.stats(),
      linker: options.linkerStatus(),
      projections: await options.projectionHealth(),
    };
    res.json(health);
  });

  router.post(
    '/events',
    express.json({ limit: maxBodySize, type: () => true }),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await authorize(credentials, platformEventCreatePermission);
      const result = await intake.ingest(unwrapEventBatch(req.body));
      sendIngestResult(res, result);
    },
  );

  router.get('/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, platformEventReadPermission);
    const query = parseEventListQuery(req.query);
    const items = await store.list(query);
    res.json({
      items,
      ...(items.length === query.limit
        ? { nextCursor: items[items.length - 1].seq }
        : {}),
    });
  });

  router.get('/activity', async (req, res) => {
    res.json(
      await getEntityActivity(
        { catalog: options.catalog, store },
        parseActivityQuery(req.query),
        await credentials(req),
      ),
    );
  });

  for (const feature of options.features) {
    feature.registerRoutes(router, { credentials });
  }

  // Webhooks authenticate by signature (the source's verifyWebhook), not by a
  // Backstage credential: the auth policy for /webhooks is set in plugin.ts.
  const webhookSources = new Map(
    options.sources
      .filter(source => source.verifyWebhook)
      .map(source => [source.id, source]),
  );
  router.post(
    '/webhooks/:sourceId',
    express.raw({ limit: maxBodySize, type: () => true }),
    async (req, res) => {
      const source = webhookSources.get(req.params.sourceId);
      if (!source) {
        throw new NotFoundError(
          `no webhook source "${req.params.sourceId}" is installed`,
        );
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const headers = lowerCaseHeaders(req.headers);
      await source.verifyWebhook!({ headers, rawBody });
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new InputError('webhook body is not valid JSON');
      }
      const events = await source.toEvents({ payload, headers });
      sendIngestResult(res, await intake.ingest(events, { raw: payload }));
    },
  );

  router.use(
    (
      error: unknown,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => next(describeBodyError(error)),
  );

  return router;
}

/**
 * 200 all stored (or already stored, identical), 207 some rejected or in
 * conflict, 400 all rejected, 409 all in conflict (docs/events.md).
 */
function sendIngestResult(res: express.Response, result: IngestResponse) {
  const total = result.results.length;
  if (total > 0 && result.rejected === total) {
    const first = result.results.find(r => r.status === 'rejected');
    const message = `all ${total} events were rejected; event 0: ${
      first && 'error' in first ? first.error : 'invalid'
    }`;
    res.status(400).json({ error: { name: 'InputError', message }, ...result });
    return;
  }
  // A conflict is not a success: the sent version was not stored.
  if (total > 0 && result.conflicts === total) {
    const first = result.results.find(r => r.status === 'conflict');
    const message = `all ${total} events conflict with stored events; event ${
      first?.index ?? 0
    }: ${first && 'error' in first ? first.error : 'conflict'}`;
    res
      .status(409)
      .json({ error: { name: 'ConflictError', message }, ...result });
    return;
  }
  res
    .status(result.rejected > 0 || result.conflicts > 0 ? 207 : 200)
    .json(result);
}

function lowerCaseHeaders(
  headers: express.Request['headers'],
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
