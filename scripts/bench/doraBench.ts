import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { DatabaseDoraStore } from '../../plugins/platform-backend/src/dora/DatabaseDoraStore';
import { createDoraProjection } from '../../plugins/platform-backend/src/dora/doraProjection';
import { DatabaseEventStore } from '../../plugins/platform-backend/src/eventLog/DatabaseEventStore';
import { DatabaseProjectionStateStore } from '../../plugins/platform-backend/src/projections/DatabaseProjectionStateStore';
import { ProjectionRunner } from '../../plugins/platform-backend/src/projections/ProjectionRunner';
import { DoraService } from '../../plugins/platform-backend/src/dora/DoraService';
import { EventIntake } from '../../plugins/platform-backend/src/ingest/EventIntake';
import { EntityIndex } from '../../plugins/platform-backend/src/linker/EntityIndex';
import type { DatabaseFactory } from './intakeBench';
import { syntheticCatalog, syntheticDoraEvents } from './synthetic';
import { timeMany } from './timing';

const SERVICES = 500;
const DAY = 86_400_000;

export interface DoraFigures {
  events: number;
  loadSeconds: number;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
}

/** Catalog lookups answered from memory: the bench measures the store and the maths. */
function inMemoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    getEntityByRef: async (ref: string) => byRef.get(ref),
    getEntities: async () => ({ items: [] }),
  } as unknown as CatalogService;
}

/**
 * Loads ~`targetEvents` DORA events for 500 services through the intake and the
 * projector, then times `GET /dora/metrics`' service call for one entity over
 * 90 days against the floor: the same three indexed range queries, raw.
 */
export async function benchDora(
  newDatabase: DatabaseFactory,
  targetEvents: number,
  runs = 200,
): Promise<DoraFigures> {
  const { knex, dispose } = await newDatabase();
  try {
    const database = mockServices.database({ knex });
    const events = await DatabaseEventStore.create({ database });
    const store = await DatabaseDoraStore.create({ database });
    const catalog = syntheticCatalog(SERVICES);
    const index = EntityIndex.fromEntities(catalog);
    const intake = new EventIntake({
      store: events,
      linker: {
        link: async ts => ts.map(t => index.resolve(t.subject, t.entityRef)),
      },
      maxBatchSize: 10_000,
      maxFutureSkewMs: Infinity,
    });
    const projector = new ProjectionRunner({
      projections: [createDoraProjection(store)],
      events,
      state: await DatabaseProjectionStateStore.create({ database }),
      logger: mockServices.rootLogger({ level: 'warn' }),
    });

    const end = new Date(Date.UTC(2026, 10, 1));
    const days = Math.ceil(targetEvents / (SERVICES * 4.1));
    const loadStart = Date.now();
    let batch: CanonicalEventInput[] = [];
    let total = 0;
    for (const event of syntheticDoraEvents(SERVICES, days, end)) {
      batch.push(event);
      if (batch.length === 10_000) {
        total += (await intake.ingest(batch)).accepted;
        batch = [];
      }
    }
    total += (await intake.ingest(batch)).accepted;
    await projector.catchUp();
    const loadSeconds = (Date.now() - loadStart) / 1000;

    const dora = new DoraService({
      store,
      catalog: inMemoryCatalog(catalog),
      defaults: {
        environment: 'production',
        leadTimeStart: 'commit',
        excludeWeekends: false,
        tierModel: '2024',
        windowDays: 90,
        shipmentLookbackDays: 90,
      },
      now: () => end,
    });
    const entityRef = (i: number) =>
      `component:default/svc-${(i * 37) % SERVICES}`;
    const credentials = mockCredentials.user();
    const service = await timeMany(runs, 20, i =>
      dora.getMetrics({ entityRef: entityRef(i) }, credentials),
    );

    // The floor: the rows getMetrics reads (previous + current window + the
    // shipment lookback: 270 days), straight from the indexes, no mapping.
    const from = new Date(end.getTime() - 270 * DAY).toISOString();
    const to = end.toISOString();
    const floor = await timeMany(runs, 20, i =>
      Promise.all([
        knex('dora_deployments')
          .where('entity_ref', entityRef(i))
          .where('finished_at', '>=', from)
          .where('finished_at', '<', to),
        knex('dora_changes')
          .where('entity_ref', entityRef(i))
          .where('merged_at', '>=', from)
          .where('merged_at', '<', to),
        knex('dora_incidents')
          .where('entity_ref', entityRef(i))
          .where('opened_at', '>=', from)
          .where('opened_at', '<', to),
      ]),
    );
    return {
      events: total,
      loadSeconds,
      p50: service.p50,
      p95: service.p95,
      floorP50: floor.p50,
      floorP95: floor.p95,
    };
  } finally {
    await dispose();
  }
}
