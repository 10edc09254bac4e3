import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { readCostConfig } from '../cost/config';
import { createCostProjection } from '../cost/costProjection';
import { CostService } from '../cost/CostService';
import { DatabaseCostStore } from '../cost/DatabaseCostStore';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { createLinkingIntake } from './linkingIntake';
import { createTestRunner } from './projections';
import { scopedCatalog } from './scopedCatalog';

/** Now, for cost tests: a week after the hand-built data (costEvents.ts). */
export const COST_NOW = new Date('2026-11-09T12:00:00.000Z');

/**
 * The cost path from the log to the numbers, wired as plugin.ts wires it, on
 * a test database: intake (linking against `linkable`), the runner with the
 * cost projection, and the service over `catalog`, with `platform.cost`
 * read from `config`. `linkLater(true)` leaves events unlinked; `relink()`
 * links every unlinked event it can and replays from the first, as the
 * relink task does.
 */
export async function createCostHarness(options: {
  knex: Knex;
  linkable: Entity[];
  catalog: Entity[];
  config?: JsonObject;
  now?: () => Date;
  /** Who may see what (default everything). */
  visible?: (caller: string, entityRef: string) => boolean;
}) {
  const database = mockServices.database({ knex: options.knex });
  const now = options.now ?? (() => COST_NOW);
  const events = await DatabaseEventStore.create({ database });
  const store = await DatabaseCostStore.create({ database });
  const settings = readCostConfig(
    new ConfigReader({ platform: { cost: options.config ?? {} } }),
  );
  const { intake, index, linkLater } = createLinkingIntake({
    events,
    linkable: options.linkable,
    maxBatchSize: 10_000,
  });
  const projector = await createTestRunner({
    database,
    events,
    projections: [
      createCostProjection({
        store,
        rawDays: settings.retention.rawDays,
        priceOverride: settings.priceOverride,
        logger: mockServices.logger.mock(),
        now,
      }),
    ],
  });
  const catalog = scopedCatalog(
    options.catalog,
    options.visible ?? (() => true),
  );
  const cost = new CostService({ store, catalog, settings, now });

  async function relink() {
    const pending = await events.listUnlinked(0, 100_000);
    const updates = pending.flatMap(p => {
      const link = index.resolve(p.subject, p.entityRef);
      return link.entityRef
        ? [{ seq: p.seq, entityRef: link.entityRef, linkReason: null }]
        : [];
    });
    await events.updateLinks(updates);
    if (updates.length > 0) await projector.rewind(updates[0].seq - 1);
    await projector.catchUp();
  }

  return {
    knex: options.knex,
    events,
    store,
    settings,
    intake,
    projector,
    cost,
    catalog,
    relink,
    linkLater,
  };
}
