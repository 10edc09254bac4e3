/**
 * Shapes of the shared routes (intake, event log, status). Written once in
 * the backend's openapi.yaml and aliased from the generated types; see
 * docs/api.md. The DORA shapes are in `./dora/types`.
 */
import type { components, paths } from './schema/openapi.generated';

type Schemas = components['schemas'];

/**
 * Every route of `/api/platform` with its parameters, request body and
 * responses, as openapi-typescript generates them from openapi.yaml. Typed
 * clients derive their request and response types from it.
 *
 * @public
 */
export type PlatformApiPaths = paths;

/** Backstage's error body, as every route answers a failure. @public */
export type PlatformApiError = Schemas['Error'];

/** Body of `POST /events`. @public */
export type IngestRequest = Schemas['IngestRequest'];

/** Per-event outcome of `POST /events`, in request order. @public */
export type IngestItemResult = Schemas['IngestItemResult'];

/** Response of `POST /events`. @public */
export type IngestResponse = Schemas['IngestResponse'];

/** Whether an event's subject resolved to a catalog entity. @public */
export type LinkStatus = Schemas['LinkStatus'];

/** One stored event as `GET /events` returns it. @public */
export type StoredEvent = Schemas['StoredEvent'];

/** Response of `GET /events`. @public */
export type EventListResponse = Schemas['EventListResponse'];

/** One projection's progress in `GET /health`. @public */
export type ProjectionStatus = Schemas['ProjectionStatus'];

/** Response of `GET /health`. @public */
export type PlatformHealth = Schemas['PlatformHealth'];

/**
 * Response of `GET /activity`: whether anything was ever linked to an entity
 * (a Group: the components it owns), and when.
 *
 * @public
 */
export type EntityActivity = Schemas['EntityActivity'];
