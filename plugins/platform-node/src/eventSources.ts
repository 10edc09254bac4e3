import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';

/** What a webhook request looks like to a source. @public */
export interface WebhookRequest {
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** The exact bytes received: signatures are computed over these. */
  rawBody: Buffer;
}

/** A raw payload from a webhook or an events-service topic. @public */
export interface RawEventPayload {
  payload: unknown;
  /** Lower-cased header names (webhooks) or event metadata (topics). */
  headers: Record<string, string | undefined>;
}

/**
 * A producer of engineering events: maps its tool's raw payloads to canonical
 * events. The intake validates, deduplicates, links and stores what it returns.
 *
 * @public
 */
export interface PlatformEventSource {
  /** Unique id; a webhook source is mounted at `POST /api/platform/webhooks/<id>`. */
  id: string;
  /** Events-service topics whose payloads this source maps. */
  topics?: string[];
  /**
   * Authenticates a webhook request, throwing `AuthenticationError` when it is not
   * genuine. A source without `verifyWebhook` gets no webhook route: unsigned
   * HTTP input is never accepted.
   */
  verifyWebhook?(request: WebhookRequest): Promise<void>;
  /**
   * The largest webhook body this source accepts: bytes, or a size such as
   * `'512kb'` or `'25mb'` (units of 1024). A larger body is a 413, refused
   * before the signature check and, when Content-Length says so, before a byte
   * is read. Default: the intake's `platform.intake.maxBodySize`.
   */
  maxBodySize?: string | number;
  /**
   * The media types of this source's webhook bodies (matched on the
   * Content-Type header, case-insensitive, parameters ignored except that a
   * charset must be UTF-8). Another type is a 415, before the body is read.
   * Default: `['application/json']`.
   */
  contentTypes?: string[];
  /**
   * Maps one raw payload to zero or more canonical events. Throw `InputError` for a
   * payload that can never be mapped; return `[]` for one that is valid but
   * irrelevant (for example a pull request closed without merge).
   */
  toEvents(input: RawEventPayload): Promise<CanonicalEventInput[]>;
}

/** @public */
export interface PlatformEventSourcesExtensionPoint {
  addEventSource(...sources: PlatformEventSource[]): void;
}

/**
 * Lets backend modules add event sources to the platform backend.
 *
 * @public
 */
export const platformEventSourcesExtensionPoint =
  createExtensionPoint<PlatformEventSourcesExtensionPoint>({
    id: 'platform.event-sources',
  });
