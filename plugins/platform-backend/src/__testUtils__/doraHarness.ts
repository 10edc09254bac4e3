import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseDoraStore } from '../dora/DatabaseDoraStore';
import { createDoraProjection } from '../dora/doraProjection';
import { DoraService } from '../dora/DoraService';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { createLinkingIntake } from './linkingIntake';
import { createTestRunner } from './projections';

/**
 * The DORA path from the log to the numbers, wired as plugin.ts wires it, on
 * a test database: intake (linking against `linkable`), the projection runner
 * with the DORA projection, and the service (catalog of `catalog`, a 14-day
 * default window ending 2026-11-09). `linkLater(true)` makes the intake leave
 * events unlinked, as if their entity did not exist yet.
 */
export async function createDoraHarness(options: {
  knex: Knex;
  linkable: Entity[];
  catalog: Entity[];
}) {
  const database = mockServices.database({ knex: options.knex });
  const events = await DatabaseEventStore.create({ database });
  const store = await DatabaseDoraStore.create({ database });
  const { intake, linkLater } = createLinkingIntake({
    events,
    linkable: options.linkable,
    maxBatchSize: 1000,
  });
  const projector = await createTestRunner({
    database,
    events,
    projections: [createDoraProjection(store)],
  });
  const dora = new DoraService({
    store,
    catalog: catalogServiceMock({ entities: options.catalog }),
    defaults: {
      environment: 'production',
      leadTimeStart: 'commit',
      excludeWeekends: false,
      tierModel: '2024',
      windowDays: 14,
      shipmentLookbackDays: 30,
    },
    now: () => new Date('2026-11-09T00:00:00Z'),
  });
  return {
    events,
    intake,
    projector,
    dora,
    linkLater,
  };
}
