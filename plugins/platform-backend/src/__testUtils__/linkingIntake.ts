import { Entity } from '@backstage/catalog-model';
import { EventStore } from '../eventLog/EventStore';
import { EventIntake } from '../ingest/EventIntake';
import { EntityIndex } from '../linker/EntityIndex';

/**
 * The real intake on a test event log, linking against `linkable` through
 * the entity index as the catalog linker does, and accepting any event time.
 * `linkLater(true)` leaves events unlinked, as if their entity did not exist
 * yet; `index` resolves them afterwards (a harness's relink).
 */
export function createLinkingIntake(options: {
  events: EventStore;
  linkable: Entity[];
  maxBatchSize: number;
}) {
  const index = EntityIndex.fromEntities(options.linkable);
  let unlinked = false;
  const intake = new EventIntake({
    store: options.events,
    linker: {
      link: async ts =>
        ts.map(t =>
          unlinked
            ? { reason: 'later' }
            : index.resolve(t.subject, t.entityRef),
        ),
    },
    maxBatchSize: options.maxBatchSize,
    maxFutureSkewMs: Infinity,
  });
  return { intake, index, linkLater: (v: boolean) => (unlinked = v) };
}
