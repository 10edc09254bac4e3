import {
  PermissionsService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  mockCredentials,
  mockErrorHandler,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { DatabaseEventStore } from '../../plugins/platform-backend/src/eventLog/DatabaseEventStore';
import { EventIntake } from '../../plugins/platform-backend/src/ingest/EventIntake';
import { EntityIndex } from '../../plugins/platform-backend/src/linker/EntityIndex';
import { createRouter } from '../../plugins/platform-backend/src/service/router';
import {
  CanonicalEventInput,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { syntheticCatalog, syntheticPodUsage } from './synthetic';

const migrations = resolvePackagePath(
  '@goldenpath/plugin-platform-backend',
  'migrations',
);
const BATCH = 5000;

export interface IntakeFigures {
  events: number;
  floorEventsPerSec: number;
  intakeEventsPerSec: number;
  httpEventsPerSec: number;
}

const allowAll: PermissionsService = {
  authorize: async reqs => reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async reqs =>
    reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
};

async function migrate(knex: Knex) {
  await knex.migrate.latest({ directory: migrations });
}

function rowsFor(events: CanonicalEventInput[]) {
  const receivedAt = new Date().toISOString();
  return events.map(input => {
    const v = validateCanonicalEvent(input);
    if (!v.ok) throw new Error(v.message);
    const e = v.event;
    return {
      source: e.source,
      event_id: e.id,
      type: e.type,
      occurred_at: new Date(e.occurredAt).toISOString(),
      received_at: receivedAt,
      subject_kind: e.subject.kind,
      subject_name: e.subject.name,
      subject_cluster: null,
      entity_ref: `component:default/${e.subject.name}`,
      link_reason: null,
      event: JSON.stringify(e),
      raw: null,
    };
  });
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Three ways to put the same events into a freshly migrated `events` table:
 * the floor (pre-built rows, plain knex batch inserts), the intake (validate,
 * dedupe, link, append), and the intake behind the real router over HTTP.
 */
/** A fresh, empty database and how to throw it away. */
export type DatabaseFactory = () => Promise<{
  knex: Knex;
  dispose: () => Promise<void>;
}>;

export async function benchIntake(
  newDatabase: DatabaseFactory,
  count: number,
): Promise<IntakeFigures> {
  const catalog = syntheticCatalog(500);
  const index = EntityIndex.fromEntities(catalog);
  const linker = {
    link: async (ts: any[]) =>
      ts.map(t => index.resolve(t.subject, t.entityRef)),
  };
  const events = syntheticPodUsage(count, 500);

  const floor = await newDatabase();
  const floorDb = floor.knex;
  await migrate(floorDb);
  const rows = rowsFor(events);
  const floorSeconds = await timed(async () => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await floorDb.batchInsert('events', rows.slice(i, i + BATCH), 500);
    }
  });
  await floor.dispose();

  const intakeDb = await newDatabase();
  const store = await DatabaseEventStore.create({
    database: mockServices.database({ knex: intakeDb.knex }),
  });
  const intake = new EventIntake({
    store,
    linker,
    maxBatchSize: 10_000,
    maxFutureSkewMs: 86_400_000,
  });
  const intakeSeconds = await timed(async () => {
    for (let i = 0; i < events.length; i += BATCH) {
      const r = await intake.ingest(events.slice(i, i + BATCH));
      if (r.accepted !== Math.min(BATCH, events.length - i))
        throw new Error('intake lost events');
    }
  });
  await intakeDb.dispose();

  const httpDb = await newDatabase();
  const httpStore = await DatabaseEventStore.create({
    database: mockServices.database({ knex: httpDb.knex }),
  });
  const router = await createRouter({
    intake: new EventIntake({
      store: httpStore,
      linker,
      maxBatchSize: 10_000,
      maxFutureSkewMs: 86_400_000,
    }),
    store: httpStore,
    catalog: {} as any, // entity reads are not exercised here
    features: [],
    linkerStatus: () => ({ entitiesIndexed: index.size, indexBuiltAt: null }),
    projectionHealth: async () => ({}),
    sources: [],
    httpAuth: mockServices.httpAuth(),
    permissions: allowAll,
    maxBodySize: '100mb',
  });
  const server = express()
    .use(router)
    .use(mockErrorHandler())
    .listen(0, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  const url = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/events`;
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) {
    bodies.push(JSON.stringify({ events: events.slice(i, i + BATCH) }));
  }
  const httpSeconds = await timed(async () => {
    for (const body of bodies) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.service.header(),
        },
        body,
      });
      if (res.status !== 200)
        throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    }
  });
  server.close();
  await httpDb.dispose();

  return {
    events: count,
    floorEventsPerSec: count / floorSeconds,
    intakeEventsPerSec: count / intakeSeconds,
    httpEventsPerSec: count / httpSeconds,
  };
}
