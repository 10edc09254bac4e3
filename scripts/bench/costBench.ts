import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CanonicalEventInput,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { readCostConfig } from '../../plugins/platform-backend/src/cost/config';
import { createCostProjection } from '../../plugins/platform-backend/src/cost/costProjection';
import { CostService } from '../../plugins/platform-backend/src/cost/CostService';
import {
  previousCostWindow,
  resolveCostWindow,
} from '../../plugins/platform-backend/src/cost/costWindow';
import { DatabaseCostStore } from '../../plugins/platform-backend/src/cost/DatabaseCostStore';
import { DatabaseEventStore } from '../../plugins/platform-backend/src/eventLog/DatabaseEventStore';
import {
  EventStore,
  LogEvent,
} from '../../plugins/platform-backend/src/eventLog/EventStore';
import {
  EventIntake,
  EventLinker,
} from '../../plugins/platform-backend/src/ingest/EventIntake';
import { LinkTarget } from '../../plugins/platform-backend/src/linker/CatalogEntityLinker';
import { EntityIndex } from '../../plugins/platform-backend/src/linker/EntityIndex';
import { AllEventsProjection } from '../../plugins/platform-backend/src/projections/Projection';
import { DatabaseProjectionStateStore } from '../../plugins/platform-backend/src/projections/DatabaseProjectionStateStore';
import { ProjectionRunner } from '../../plugins/platform-backend/src/projections/ProjectionRunner';
import type { DatabaseFactory } from './intakeBench';
import { countRows } from './countRows';
import { Timing, timeMany } from './timing';
import {
  syntheticCatalog,
  syntheticClusterDay,
  syntheticComponentCost,
} from './synthetic';

const CLUSTERS = 20;
/** Events per intake batch and per projection page (the runner's default). */
const PAGE = 5000;
const COMPONENT = 'component:default/svc-0';

/** One endpoint's service call against the raw SQL reading its rows. */
export interface EndpointFigures {
  /** Undefined when the call failed: see `error`. */
  service?: Timing;
  error?: string;
  floor: Timing;
  /** What the service call read, for the report. */
  reads: string;
}

export interface LoadStep {
  step: string;
  seconds: number;
}

/**
 * `intake`: events through the intake into the log, then the projection
 * runner; `projection`: events validated and linked as the intake does and
 * handed straight to the cost projection's `apply`, a page per transaction,
 * then the runner settles (the log stays empty).
 */
export type CostLoadPath = 'intake' | 'projection';

export interface CostFigures {
  events: number;
  days: number;
  otherContainers: number;
  /** How the data went in, step by step. */
  load: LoadStep[];
  rows: Record<string, number>;
  summary: EndpointFigures;
  pods: EndpointFigures;
  deployments: EndpointFigures;
  recommendations: EndpointFigures;
}

/** Catalog lookups answered from memory: the bench measures the store and the maths. */
function inMemoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    getEntityByRef: async (ref: string) => byRef.get(ref),
    getEntities: async () => ({ items: [] }),
  } as unknown as CatalogService;
}

/** A call that throws is reported, not fatal: the other figures still count. */
async function timeOrError(
  runs: number,
  warmUp: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ service?: Timing; error?: string }> {
  try {
    return { service: await timeMany(runs, warmUp, fn) };
  } catch (error) {
    return {
      error: String((error as Error)?.stack ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | '),
    };
  }
}

async function* pages(
  sources: Iterable<CanonicalEventInput>[],
): AsyncGenerator<CanonicalEventInput[]> {
  let page: CanonicalEventInput[] = [];
  for (const source of sources) {
    for (const event of source) {
      page.push(event);
      if (page.length === PAGE) {
        yield page;
        page = [];
      }
    }
  }
  if (page.length > 0) yield page;
}

/** The real path: every event through the intake into the log. */
async function loadThroughIntake(
  store: EventStore,
  linker: EventLinker,
  sources: Iterable<CanonicalEventInput>[],
): Promise<{ events: number; steps: LoadStep[] }> {
  const intake = new EventIntake({
    store,
    linker,
    maxBatchSize: PAGE,
    maxFutureSkewMs: Infinity,
  });
  const start = Date.now();
  let events = 0;
  for await (const page of pages(sources)) {
    const result = await intake.ingest(page);
    if (result.accepted !== page.length) {
      const refused = result.results.find(r => r.status !== 'accepted');
      throw new Error(`the intake refused ${JSON.stringify(refused)}`);
    }
    events += result.accepted;
  }
  const seconds = (Date.now() - start) / 1000;
  return { events, steps: [{ step: 'intake into the log', seconds }] };
}

/**
 * The projection's own path without the log: each page validated and linked
 * as the intake does, then `apply` in one transaction, as the runner would.
 */
async function applyToProjection(
  knex: Knex,
  projection: AllEventsProjection,
  linker: EventLinker,
  sources: Iterable<CanonicalEventInput>[],
): Promise<{ events: number; steps: LoadStep[] }> {
  const start = Date.now();
  let seq = 0;
  for await (const page of pages(sources)) {
    const valid = page.map(input => {
      const result = validateCanonicalEvent(input);
      if (!result.ok) throw new Error(result.message);
      return result.event;
    });
    const links = await linker.link(
      valid.map(event => ({
        subject: event.subject,
        entityRef: event.entityRef,
      })),
    );
    const logEvents: LogEvent[] = valid.map((event, i) => ({
      seq: ++seq,
      entityRef: links[i].entityRef ?? null,
      event,
    }));
    await knex.transaction(tx => projection.apply(logEvents, tx));
  }
  const seconds = (Date.now() - start) / 1000;
  return {
    events: seq,
    steps: [
      { step: 'validate, link, cost projection apply (no log)', seconds },
    ],
  };
}

/**
 * Loads one component's 500 containers × `days` days of hours and a day of
 * `otherContainers` other containers (with their nodes' `node.cost` and the
 * component's weekly deployments) through the cost projection — through the
 * intake and the log first when `load` is `intake` — and lets the real
 * projection runner settle it (hourly and daily roll-ups). Then times the
 * cost endpoints' service calls for the component against the floor: the raw
 * indexed SQL reading the same rows. Only the summary is judged.
 */
export async function benchCost(
  newDatabase: DatabaseFactory,
  options: { days: number; otherContainers: number; load: CostLoadPath },
): Promise<CostFigures> {
  const { days, otherContainers } = options;
  const { knex, dispose } = await newDatabase();
  try {
    const end = new Date(Date.UTC(2026, 10, 1));
    // late on the last day: the default window is the 30 days of data
    const now = new Date(end.getTime() - 1_800_000);
    const database = mockServices.database({ knex });
    const events = await DatabaseEventStore.create({ database });
    const store = await DatabaseCostStore.create({ database });
    const settings = readCostConfig(new ConfigReader({}));
    const catalog = syntheticCatalog(1 + Math.ceil(otherContainers / 50));
    const index = EntityIndex.fromEntities(catalog);
    const projection = createCostProjection({
      store,
      rawDays: settings.retention.rawDays,
      priceOverride: settings.priceOverride,
      logger: mockServices.rootLogger({ level: 'warn' }),
      now: () => now,
    });
    const projector = new ProjectionRunner({
      projections: [projection],
      events,
      state: await DatabaseProjectionStateStore.create({ database }),
      logger: mockServices.rootLogger({ level: 'warn' }),
    });

    const linker = {
      link: async (ts: LinkTarget[]) =>
        ts.map(t => index.resolve(t.subject, t.entityRef)),
    };
    const sources = () => [
      syntheticComponentCost('svc-0', days, end),
      syntheticClusterDay(otherContainers, CLUSTERS, end),
    ];
    const load =
      options.load === 'intake'
        ? await loadThroughIntake(events, linker, sources())
        : await applyToProjection(knex, projection, linker, sources());
    const settleStart = Date.now();
    await projector.catchUp();
    load.steps.push({
      step:
        options.load === 'intake'
          ? 'projection runner: apply + settle'
          : 'projection runner: settle',
      seconds: (Date.now() - settleStart) / 1000,
    });
    const rows = await countRows(knex, [
      'cost_samples',
      'cost_node_hours',
      'cost_container_hours',
      'cost_cluster_hours',
      'cost_controller_days',
      'cost_cluster_days',
      'cost_dirty_hours',
      'cost_dirty_days',
    ]);
    if (rows.cost_dirty_hours + rows.cost_dirty_days > 0) {
      throw new Error('the cost projection did not settle every hour and day');
    }

    const cost = new CostService({
      store,
      catalog: inMemoryCatalog(catalog),
      settings,
      now: () => now,
    });
    const credentials = mockCredentials.user();
    const window = resolveCostWindow({}, now, settings.windowDays);
    const previous = previousCostWindow(window);
    const summaryResponse = await cost.getSummary(
      { entityRef: COMPONENT },
      credentials,
    );
    const clusters = summaryResponse.clusters;
    if (summaryResponse.controllers.length === 0) {
      throw new Error(`no cost rows for ${COMPONENT}`);
    }

    // summary: the component's daily rows over both windows, the idle rows
    // of its clusters over the window
    const summary: EndpointFigures = {
      reads: `${rows.cost_controller_days} controller-days in the store, of which the component's ${summaryResponse.controllers.length} controllers × ${days} days; ${clusters.length} cluster's idle days`,
      service: await timeMany(200, 20, () =>
        cost.getSummary({ entityRef: COMPONENT }, credentials),
      ),
      floor: await timeMany(200, 20, () =>
        Promise.all([
          knex('cost_controller_days')
            .where('entity_ref', COMPONENT)
            .where('day', '>=', previous.fromDay)
            .where('day', '<', window.toDay),
          knex('cost_cluster_days')
            .whereIn('cluster', clusters)
            .where('node', '')
            .where('day', '>=', window.fromDay)
            .where('day', '<', window.toDay),
        ]),
      ),
    };

    // pods: one controller's raw samples, its cluster's node and idle hours
    const controllers = summaryResponse.controllers;
    const key = (i: number) => {
      const c = controllers[(i * 7) % controllers.length];
      return {
        cluster: c.cluster,
        namespace: c.namespace,
        controllerKind: c.controllerKind,
        controller: c.controller,
      };
    };
    const podsWindow = { from: window.from, to: window.to };
    const podsResponse = await cost
      .getPods({ entityRef: COMPONENT, ...key(0) }, credentials)
      .catch(() => undefined);
    const pods: EndpointFigures = {
      reads: `one controller's ${
        podsResponse?.pods.length ?? '?'
      } pods: its raw samples, node hours and idle hours over ${days} days`,
      ...(await timeOrError(100, 10, i =>
        cost.getPods({ entityRef: COMPONENT, ...key(i) }, credentials),
      )),
      floor: await timeMany(100, 10, async i => {
        const k = key(i);
        const samples = await knex('cost_samples')
          .where({
            cluster: k.cluster,
            namespace: k.namespace,
            controller_kind: k.controllerKind,
            controller: k.controller,
          })
          .where('hour_start', '>=', podsWindow.from)
          .where('hour_start', '<', podsWindow.to);
        const nodes = [...new Set(samples.map(s => s.node as string))];
        return Promise.all([
          knex('cost_node_hours')
            .where('cluster', k.cluster)
            .whereIn('node', nodes)
            .where('hour_start', '>=', podsWindow.from)
            .where('hour_start', '<', podsWindow.to),
          knex('cost_cluster_hours')
            .where('cluster', k.cluster)
            .whereIn('node', ['', ...nodes])
            .where('hour_start', '>=', podsWindow.from)
            .where('hour_start', '<', podsWindow.to),
        ]);
      }),
    };

    // deployments: the component's deployments, its daily rows around them
    const deploymentsResponse = await cost
      .getDeployments({ entityRef: COMPONENT }, credentials)
      .catch(() => undefined);
    const deployments: EndpointFigures = {
      reads: `${
        deploymentsResponse?.items.length ?? '?'
      } deployments and the component's daily rows ${
        settings.deployments.compareDays
      } days either side`,
      ...(await timeOrError(100, 10, () =>
        cost.getDeployments({ entityRef: COMPONENT }, credentials),
      )),
      floor: await timeMany(100, 10, async () => {
        const found = await knex('cost_deployments')
          .where('entity_ref', COMPONENT)
          .where('finished_at', '>=', window.from)
          .where('finished_at', '<', window.to);
        if (found.length === 0) return [];
        const finished = found.map(d => Date.parse(d.finished_at));
        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        const span = settings.deployments.compareDays * 86_400_000;
        return knex('cost_controller_days')
          .where('entity_ref', COMPONENT)
          .where('day', '>=', day(Math.min(...finished) - span))
          .where('day', '<', day(Math.max(...finished) + span + 86_400_000));
      }),
    };

    // recommendations: every raw sample of the component over the window
    const recommendations: EndpointFigures = {
      reads: `every raw sample of the component (${(
        500 *
        days *
        24
      ).toLocaleString('en-US')}) and its nodes' hours`,
      ...(await timeOrError(5, 1, () =>
        cost.getRecommendations({ entityRef: COMPONENT }, credentials),
      )),
      floor: await timeMany(5, 1, async () => {
        const samples = await knex('cost_samples')
          .where('entity_ref', COMPONENT)
          .where('hour_start', '>=', window.from)
          .where('hour_start', '<', window.to);
        const nodes = [...new Set(samples.map(s => s.node as string))];
        return knex('cost_node_hours')
          .whereIn('cluster', clusters)
          .whereIn('node', nodes)
          .where('hour_start', '>=', window.from)
          .where('hour_start', '<', window.to);
      }),
    };

    return {
      events: load.events,
      load: load.steps,
      days,
      otherContainers,
      rows,
      summary,
      pods,
      deployments,
      recommendations,
    };
  } finally {
    await dispose();
  }
}
