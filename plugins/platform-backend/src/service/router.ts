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
import Router from 'express-promise-router';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { describeBodyError } from '../errors';
import { createPlatformOpenApiRouter } from '../schema/createPlatformOpenApiRouter';
import { getEntityActivity } from '../eventLog/entityActivity';
import { EventStore } from '../eventLog/EventStore';
import { listVisibleEvents } from '../eventLog/listVisibleEvents';
import { PlatformFeature, PlatformRouter } from '../features/PlatformFeature';
import { EventIntake } from '../ingest/EventIntake';
import { ProjectionHealth } from '../projections/ProjectionRunner';
import { credentialsBarrier, requireCredentials } from './credentials';
import {
  closeIfBodyUnread,
  parseByteSize,
  readRawBody,
  requireContentType,
} from './requestBody';
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
 * Every request but a webhook passes the credentials barrier first (before
 * the request validator, whose error handler would turn a 401 into a 400).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { intake, store, httpAuth, permissions } = options;
  const maxBodySize = parseByteSize(
    options.maxBodySize,
    'platform.intake.maxBodySize',
  );
  const router: PlatformRouter = await createPlatformOpenApiRouter();

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
    requireCredentials(httpAuth, req);

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

  // Who may post and in what form is settled before a byte of the body is read.
  router.post(
    '/events',
    async (req, _res, next) => {
      await authorize(await credentials(req), platformEventCreatePermission);
      requireContentType(req, ['application/json']);
      next();
    },
    express.json({ limit: maxBodySize, type: () => true }),
    async (req, res) => {
      const result = await intake.ingest(unwrapEventBatch(req.body));
      sendIngestResult(res, result);
    },
  );

  router.get('/events', async (req, res) => {
    const caller = await credentials(req);
    await authorize(caller, platformEventReadPermission);
    res.json(
      await listVisibleEvents(
        { store, catalog: options.catalog, permissions },
        parseEventListQuery(req.query),
        caller,
      ),
    );
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
  // Backstage credential (credentialsBarrier lets /webhooks through). Nothing
  // is read before it has to be: unknown source 404, media type 415, size
  // 413 (the source's own limit), then the signature over the raw bytes,
  // then JSON.
  const webhookSources = new Map(
    options.sources
      .filter(source => source.verifyWebhook)
      .map(source => [
        source.id,
        {
          source,
          maxBodySize:
            source.maxBodySize === undefined
              ? maxBodySize
              : parseByteSize(
                  source.maxBodySize,
                  `maxBodySize of event source "${source.id}"`,
                ),
          contentTypes: source.contentTypes ?? ['application/json'],
        },
      ]),
  );
  router.post('/webhooks/:sourceId', async (req, res) => {
    const webhook = webhookSources.get(req.params.sourceId);
    if (!webhook) {
      throw new NotFoundError(
        `no webhook source "${req.params.sourceId}" is installed`,
      );
    }
    const { source } = webhook;
    requireContentType(req, webhook.contentTypes);
    const rawBody = await readRawBody(
      req,
      webhook.maxBodySize,
      `maxBodySize of event source "${source.id}"`,
    );
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
  });

  router.use(
    (
      error: unknown,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => next(describeBodyError(error)),
  );

  const barrier = Router();
  barrier.use(credentialsBarrier(httpAuth));
  barrier.use(router);
  barrier.use(closeIfBodyUnread);
  return barrier;
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
