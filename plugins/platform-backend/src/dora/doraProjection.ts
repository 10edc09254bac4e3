import { Projection } from '../projections/Projection';
import { DoraStore } from './DoraStore';
import { DORA_EVENT_TYPES, projectDoraEvents } from './projectDoraEvents';

/** Deployments, changes and incidents from the log into the DORA tables. */
export function createDoraProjection(store: DoraStore): Projection {
  return {
    name: 'dora',
    eventTypes: DORA_EVENT_TYPES,
    apply: (events, tx) => store.upsert(projectDoraEvents(events), tx),
  };
}
