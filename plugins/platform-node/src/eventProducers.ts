import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { IngestResponse } from '@goldenpath/plugin-platform-common';

/**
 * The platform backend's intake as a producer sees it: the one way into the
 * event log, with the same validation, linking and idempotency as `POST /events`.
 *
 * @public
 */
export interface PlatformEventIntake {
  /**
   * Validates, links and appends a batch (at most `maxBatchSize` events);
   * resolves once accepted events are committed.
   */
  ingest(events: unknown[]): Promise<IngestResponse>;
  /** The largest batch `ingest` takes (`platform.intake.maxBatchSize`). */
  readonly maxBatchSize: number;
  /**
   * The latest `occurredAt` among stored events whose source starts with the
   * prefix, so a poller can resume where it left off (null when none).
   */
  latestOccurredAt(sourcePrefix: string): Promise<string | null>;
}

/**
 * Something that produces events on its own schedule (a poller, the demo
 * history): the platform backend connects it to the intake once at startup,
 * like the catalog connects an entity provider.
 *
 * @public
 */
export interface PlatformEventProducer {
  /** Unique id, used in logs and task ids. */
  readonly id: string;
  /** Called once when the intake is ready; schedule work here. */
  connect(intake: PlatformEventIntake): Promise<void>;
}

/** @public */
export interface PlatformEventProducersExtensionPoint {
  addEventProducer(...producers: PlatformEventProducer[]): void;
}

/**
 * Lets backend modules add event producers (pollers, demo data) to the
 * platform backend.
 *
 * @public
 */
export const platformEventProducersExtensionPoint =
  createExtensionPoint<PlatformEventProducersExtensionPoint>({
    id: 'platform.event-producers',
  });
