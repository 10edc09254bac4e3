import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { PlatformCanaryRunner } from '@goldenpath/plugin-platform-node';
import { Knex } from 'knex';
import {
  createCanaryRolloutsProjection,
  createCanaryRunsProjection,
} from '../canary/canaryProjections';
import { CanaryService } from '../canary/CanaryService';
import { readCanaryConfig } from '../canary/config';
import { DatabaseCanaryStore } from '../canary/DatabaseCanaryStore';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { CANARY_NOW } from './canaryEvents';
import { createLinkingIntake } from './linkingIntake';
import { createTestRunner } from './projections';
import { scopedCatalog, Visibility } from './scopedCatalog';

/**
 * The canary path from the log to the reads, wired as plugin.ts wires it,
 * on a test database: intake (linking against `catalog`), the runner with
 * the canary projections, and the service, with `platform.canary` read
 * from `config`. `setNow` moves the clock of the projection and the service.
 */
export async function createCanaryHarness(options: {
  knex: Knex;
  catalog: Entity[];
  config?: JsonObject;
  now?: Date;
  visible?: Visibility;
  runners?: PlatformCanaryRunner[];
  permissions?: PermissionsService;
  pageSize?: number;
}) {
  const database = mockServices.database({ knex: options.knex });
  let now = options.now ?? CANARY_NOW;
  const clock = () => now;
  const events = await DatabaseEventStore.create({ database });
  const store = await DatabaseCanaryStore.create({ database });
  const settings = readCanaryConfig(
    new ConfigReader({ platform: { canary: options.config ?? {} } }),
  );
  const { intake } = createLinkingIntake({
    events,
    linkable: options.catalog,
    maxBatchSize: 100_000,
  });
  const logger = mockServices.logger.mock();
  const projector = await createTestRunner({
    database,
    events,
    pageSize: options.pageSize,
    projections: [
      createCanaryRunsProjection({ store, settings, logger, now: clock }),
      createCanaryRolloutsProjection({ store }),
    ],
  });
  const catalog = scopedCatalog(
    options.catalog,
    options.visible ?? (() => true),
  );
  const canary = new CanaryService({
    store,
    catalog,
    eventLog: events,
    permissions: options.permissions ?? mockServices.permissions(),
    runners: options.runners ?? [],
    settings,
    logger,
    now: clock,
  });

  /** Ingests and projects; fails the test on any rejected or dead-lettered event (see createTestRunner). */
  async function send(batch: unknown[]) {
    const result = await intake.ingest(batch);
    if (result.rejected > 0 || result.conflicts > 0) {
      throw new Error(`ingest: ${JSON.stringify(result.results.slice(0, 3))}`);
    }
    await projector.catchUp();
  }

  return {
    knex: options.knex,
    database,
    events,
    store,
    settings,
    intake,
    projector,
    canary,
    catalog,
    logger,
    send,
    setNow: (d: Date) => (now = d),
  };
}
