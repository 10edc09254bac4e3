import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  CanaryCapability,
  CanaryHourlyRollup,
  CanaryOutcome,
  CanaryRun,
  CanaryWindowKey,
  CanaryWindowStats,
  canaryWindow,
  canaryWindowStats,
  CanonicalEventInput,
  DAY_MS,
  evaluateCanaryCheck,
  HOUR_MS,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  rollUpCanaryHours,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { createCanaryRunsProjection } from '../../plugins/platform-backend/src/canary/canaryProjections';
import {
  CANARY_RECENT_RUNS,
  dayOf,
  mergeRollups,
  toRecent,
} from '../../plugins/platform-backend/src/canary/canaryRows';
import { CanaryService } from '../../plugins/platform-backend/src/canary/CanaryService';
import {
  CanarySettings,
  readCanaryConfig,
} from '../../plugins/platform-backend/src/canary/config';
import { DatabaseCanaryStore } from '../../plugins/platform-backend/src/canary/DatabaseCanaryStore';
import { decodeDurations } from '../../plugins/platform-backend/src/canary/durationsCodec';
import { LogEvent } from '../../plugins/platform-backend/src/eventLog/EventStore';
import { EntityIndex } from '../../plugins/platform-backend/src/linker/EntityIndex';
import type { DatabaseFactory } from './intakeBench';
import { countRows } from './countRows';
import { syntheticCatalog } from './synthetic';
import { percentile, Timing, timeInterleaved } from './timing';

/*
 * The fleet: 50 clusters × 20 checks, one run a minute each for 30 days
 * (43,200 runs a check, 43.2 million in all), ending at NOW. Outcomes and
 * durations are a pure function of (cluster, check, minute), so any slice of
 * the history can be generated again and agrees with the rest.
 */
/**
 * 50 by default; fewer for a quick look (`BENCH_CANARY_CLUSTERS`), at least 5:
 * below that a component's three clusters (i, i + 17, i + 33) can coincide.
 */
const CLUSTERS = Math.max(5, Number(process.env.BENCH_CANARY_CLUSTERS ?? 50));
const DAYS = 30;
const MINUTE_MS = 60_000;
const NOW = new Date('2026-11-01T10:37:00.000Z');
const NOW_MS = NOW.getTime();
const START_MS = NOW_MS - DAYS * DAY_MS;
const MINUTES = DAYS * 24 * 60;
/** The last minutes go in one page per minute of the fleet, as they would live. */
const STEADY_MINUTES = 10;
/** The projection runner's page size. */
const PAGE = 5000;

const CHECKS: ReadonlyArray<readonly [string, CanaryCapability]> = [
  ['deploy-app', 'deploy'],
  ['deploy-rollback', 'deploy'],
  ['deploy-scale', 'deploy'],
  ['dns-internal', 'dns'],
  ['dns-external', 'dns'],
  ['dns-service-discovery', 'dns'],
  ['ingress-http', 'ingress'],
  ['ingress-https', 'ingress'],
  ['ingress-grpc', 'ingress'],
  ['ingress-websocket', 'ingress'],
  ['tls-ingress-cert', 'certificates'],
  ['tls-api-cert', 'certificates'],
  ['tls-internal-ca', 'certificates'],
  ['metrics-scrape', 'metrics'],
  ['metrics-remote-write', 'metrics'],
  ['metrics-alertmanager', 'metrics'],
  ['logs-ship', 'logs'],
  ['logs-query', 'logs'],
  ['logs-audit', 'logs'],
  ['logs-events', 'logs'],
];
const CHECK_INDEX = new Map(CHECKS.map(([name], i) => [name, i]));

/** Durations by capability: base + spread × u² ms (a long tail), and the probe's timeout. */
const DURATIONS: Record<CanaryCapability, [number, number, number]> = {
  deploy: [12_000, 20_000, 120_000],
  dns: [2, 30, 5_000],
  ingress: [25, 300, 5_000],
  certificates: [40, 120, 5_000],
  metrics: [80, 900, 5_000],
  logs: [300, 2_500, 10_000],
};

/** A weekly window in one cluster: its runs count apart in the roll-ups. */
const MAINTENANCE = [
  {
    clusters: ['cluster-07'],
    weekly: { day: 'sunday', start: '02:00', durationMinutes: 120 },
  },
];

const clusterName = (c: number) => `cluster-${String(c).padStart(2, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** A component runs in three clusters spread over the fleet. */
export const componentClusters = (i: number) =>
  [i, (i + 17) % CLUSTERS, (i + 33) % CLUSTERS].sort((x, y) => x - y);

/** A uniform number in [0, 1) from three integers. */
function unit(a: number, b: number, c: number): number {
  let h =
    Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^
    Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4_294_967_296;
}

/**
 * What is wrong now, so the status has work to do: ingress-http down for the
 * last 45 minutes in three clusters (platform-wide), dns-external down in
 * one, metrics-scrape flapping in one, logs-ship silent for 10 minutes in one
 * (stale). `skip` is no run.
 */
function currentTrouble(
  c: number,
  check: string,
  m: number,
): CanaryOutcome | 'skip' | undefined {
  const ago = MINUTES - m;
  if (check === 'ingress-http' && [0, 17, 40].includes(c) && ago <= 45) {
    return 'timeout';
  }
  if (check === 'dns-external' && c === 5 && ago <= 20) return 'fail';
  if (check === 'metrics-scrape' && c === 33 && ago <= 60) {
    return m % 2 === 0 ? 'fail' : 'pass';
  }
  if (check === 'logs-ship' && c === 12 && ago <= 10) return 'skip';
  return undefined;
}

/** Up to two outages of 5–60 minutes per check over the 30 days. */
function inOutage(c: number, k: number, m: number): boolean {
  const count = Math.floor(unit(c, k, -1) * 3);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(unit(c, k, -2 - i) * MINUTES);
    const length = 5 + Math.floor(unit(c, k, -10 - i) * 55);
    if (m >= start && m < start + length) return true;
  }
  return false;
}

/** The runs of check k in cluster c that start in [fromMs, toMs). */
export function checkRuns(
  c: number,
  k: number,
  fromMs: number,
  toMs: number,
): CanaryRun[] {
  const [check, capability] = CHECKS[k];
  const [base, spread, timeoutMs] = DURATIONS[capability];
  // each check runs at its own second of the minute
  const offset = ((c * CHECKS.length + k) * 997) % MINUTE_MS;
  const first = Math.max(
    0,
    Math.ceil((fromMs - START_MS - offset) / MINUTE_MS),
  );
  const runs: CanaryRun[] = [];
  for (let m = first; m < MINUTES; m++) {
    const startMs = START_MS + m * MINUTE_MS + offset;
    if (startMs >= toMs) break;
    const forced = currentTrouble(c, check, m);
    if (forced === 'skip') continue;
    const u = unit(c, k, m);
    let outcome: CanaryOutcome = 'pass';
    if (forced) outcome = forced;
    else if (inOutage(c, k, m))
      outcome = capability === 'ingress' ? 'timeout' : 'fail';
    else if (u < 0.002) outcome = 'error';
    else if (u < 0.004) outcome = 'fail';
    else if (u < 0.005) outcome = 'timeout';
    const v = unit(k, c, m);
    runs.push({
      cluster: clusterName(c),
      check,
      capability,
      outcome,
      durationMs:
        outcome === 'timeout'
          ? timeoutMs
          : Math.round(base + spread * v * v) + (outcome === 'error' ? 3 : 0),
      startedAt: iso(startMs),
    });
  }
  return runs;
}

function runEvent(run: CanaryRun): CanonicalEventInput {
  const failed = run.outcome !== 'pass';
  return {
    id: `${run.cluster}/${run.check}/${run.startedAt}`,
    source: 'bench-canary',
    type: 'canary.run',
    occurredAt: iso(Date.parse(run.startedAt) + run.durationMs),
    subject: { kind: 'cluster', name: run.cluster },
    data: {
      ...run,
      errors: failed ? [`${run.check}: ${run.outcome}`] : [],
      intervalSeconds: 60,
      ...(failed
        ? { logTail: ['GET https://canary.example/healthz', 'status 503'] }
        : {}),
    },
  } as CanonicalEventInput;
}

/** 50 kubernetes-cluster Resources and 50 Components, each in three clusters. */
function fleetCatalog(): Entity[] {
  const clusters = Array.from({ length: CLUSTERS }, (_, c) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: clusterName(c), namespace: 'default' },
    spec: { type: KUBERNETES_CLUSTER_RESOURCE_TYPE, owner: 'platform' },
  }));
  const components = syntheticCatalog(CLUSTERS, i => ({
    [ANNOTATIONS.clusters]: componentClusters(i).map(clusterName).join(','),
  }));
  return [...clusters, ...components];
}

/** Catalog lookups answered from memory: the bench measures the store and the maths. */
function inMemoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLowerCase(), e]),
  );
  const clusters = entities.filter(e => e.kind === 'Resource');
  return {
    getEntityByRef: async (ref: string) => byRef.get(ref),
    // the status's only list: the kubernetes-cluster Resources
    getEntities: async () => ({ items: clusters }),
  } as unknown as CatalogService;
}

export interface LoadStep {
  step: string;
  runs: number;
  seconds: number;
}

export interface CanaryWindowFigures {
  window: CanaryWindowKey;
  /** What one call reads, for the report. */
  reads: string;
  service: Timing;
  floor: Timing;
}

export interface CanaryFigures {
  clusters: number;
  checks: number;
  days: number;
  /** Runs of the 30 days: clusters × checks × minutes, less the stale check's. */
  fleetRuns: number;
  rawDays: number;
  load: LoadStep[];
  /** Seconds to apply one minute of the fleet (a page of ~1,000 runs). */
  steadyPage: { pages: number; p50: number; max: number };
  rows: Record<string, number>;
  /** What the first component's status says, so the load is seen to matter. */
  sample: string;
  windows: CanaryWindowFigures[];
}

/** One database the fleet is loaded into. */
interface Target {
  knex: Knex;
  store: DatabaseCanaryStore;
}

/**
 * What the canary projection would have stored for one check had it applied
 * its runs before `untilMs` (the state machine's memory, transitions, latest
 * runs, hourly roll-ups and their days), computed by the same functions it
 * calls. The runs themselves are not kept.
 */
function checkHistory(
  c: number,
  k: number,
  untilMs: number,
  settings: CanarySettings,
) {
  const runs = checkRuns(c, k, START_MS, untilMs);
  if (runs.length === 0) return undefined;
  const status = evaluateCanaryCheck(runs, {
    ...settings.state,
    now: NOW.toISOString(),
    maintenance: settings.maintenance,
  })!;
  const key = { cluster: clusterName(c), check: CHECKS[k][0] };
  const hours = rollUpCanaryHours(runs, { maintenance: settings.maintenance });
  const byDay = new Map<string, CanaryHourlyRollup[]>();
  for (const h of hours) {
    const day = dayOf(h.hourStart);
    byDay.set(day, [...(byDay.get(day) ?? []), h]);
  }
  return {
    runs: runs.length,
    transitions: status.transitions.map(t => ({
      ...t,
      ...key,
      capability: status.capability,
      notification: 'pending' as const,
    })),
    check: {
      ...key,
      memory: status.memory,
      intervalMs: 60_000,
      recent: runs.slice(-CANARY_RECENT_RUNS).map(toRecent),
    },
    hours,
    days: [...byDay].map(([day, rows]) => mergeRollups(rows, day)),
  };
}

/**
 * The days before raw retention starts here, computed once a cluster at a
 * time (the slow part: the model over 41.7 million runs) and written through
 * the store into every database, a transaction per cluster.
 */
async function writeHistory(
  targets: Target[],
  settings: CanarySettings,
  untilMs: number,
): Promise<{ runs: number; computeSeconds: number; writeSeconds: number[] }> {
  let runs = 0;
  let computeMs = 0;
  const writeMs = targets.map(() => 0);
  for (let c = 0; c < CLUSTERS; c++) {
    let start = Date.now();
    const checks = CHECKS.flatMap((_, k) => {
      const history = checkHistory(c, k, untilMs, settings);
      return history ? [history] : [];
    });
    computeMs += Date.now() - start;
    for (const [i, { knex, store }] of targets.entries()) {
      start = Date.now();
      await knex.transaction(async tx => {
        for (const history of checks) {
          await store.putTransitions(history.transitions, tx);
          await store.putCheck(history.check, tx);
          await store.putHours(history.hours, tx);
          await store.putDays(history.days, tx);
        }
      });
      writeMs[i] += Date.now() - start;
    }
    runs += checks.reduce((n, h) => n + h.runs, 0);
  }
  return {
    runs,
    computeSeconds: computeMs / 1000,
    writeSeconds: writeMs.map(ms => ms / 1000),
  };
}

/**
 * Loads the fleet's 30 days into each database, then times
 * `GET /canary/status`'s service call for a component in three clusters (60
 * checks) over 30 days and 24 hours against the floor: the same rows by raw
 * indexed SQL. One figure set per database, in order.
 *
 * Load: the last `rawDays` days (from an hour boundary) go through the
 * canary projection's own `apply` — runs validated and linked as the intake
 * does, stored, state resumed from the stored memory, touched hours and days
 * rolled up again — the bulk in pages of 5,000 runs check after check, the
 * last 10 minutes one page per minute of the fleet as they would arrive. The
 * days before are written as the projection would have left them (see
 * checkHistory), without their raw runs: the status never reads raw runs.
 */
export async function benchCanary(
  newDatabases: DatabaseFactory[],
  options: { rawDays: number },
): Promise<CanaryFigures[]> {
  const opened: Array<Target & { dispose(): Promise<void> }> = [];
  try {
    for (const newDatabase of newDatabases) {
      const { knex, dispose } = await newDatabase();
      const store = await DatabaseCanaryStore.create({
        database: mockServices.database({ knex }),
      });
      opened.push({ knex, store, dispose });
    }
    const settings = readCanaryConfig(
      new ConfigReader({ platform: { canary: { maintenance: MAINTENANCE } } }),
    );
    const cutoverMs =
      Math.floor((NOW_MS - options.rawDays * DAY_MS) / HOUR_MS) * HOUR_MS;
    const history = await writeHistory(opened, settings, cutoverMs);
    const figures: CanaryFigures[] = [];
    for (const [i, target] of opened.entries()) {
      const load: LoadStep[] = [
        {
          step: `days before ${iso(
            cutoverMs,
          )}: states, transitions, hours and days computed by the projection's functions (once for every database)`,
          runs: history.runs,
          seconds: history.computeSeconds,
        },
        {
          step: 'the same written through the store (no raw runs)',
          runs: history.runs,
          seconds: history.writeSeconds[i],
        },
      ];
      figures.push(await loadRawAndTime(target, settings, options, load));
    }
    return figures;
  } finally {
    for (const { dispose } of opened) await dispose();
  }
}

/** The raw days through the projection, then the timings. */
async function loadRawAndTime(
  { knex, store }: Target,
  settings: CanarySettings,
  options: { rawDays: number },
  load: LoadStep[],
): Promise<CanaryFigures> {
  const logger = mockServices.rootLogger({ level: 'warn' });
  const projection = createCanaryRunsProjection({
    store,
    settings,
    logger,
    now: () => NOW,
  });
  const catalog = fleetCatalog();
  const index = EntityIndex.fromEntities(catalog);
  const cutoverMs =
    Math.floor((NOW_MS - options.rawDays * DAY_MS) / HOUR_MS) * HOUR_MS;
  const steadyFromMs = NOW_MS - STEADY_MINUTES * MINUTE_MS;

  let seq = 0;
  const apply = async (runs: CanaryRun[]) => {
    const events: LogEvent[] = runs.map(run => {
      const result = validateCanonicalEvent(runEvent(run));
      if (!result.ok) throw new Error(result.message);
      const link = index.resolve(result.event.subject, undefined);
      return {
        seq: ++seq,
        entityRef: link.entityRef ?? null,
        event: result.event,
      };
    });
    await knex.transaction(tx => projection.apply(events, tx));
  };

  let start = Date.now();
  let rawRuns = 0;
  let page: CanaryRun[] = [];
  for (let c = 0; c < CLUSTERS; c++) {
    for (let k = 0; k < CHECKS.length; k++) {
      for (const run of checkRuns(c, k, cutoverMs, steadyFromMs)) {
        page.push(run);
        if (page.length === PAGE) {
          await apply(page);
          rawRuns += page.length;
          page = [];
        }
      }
    }
  }
  await apply(page);
  rawRuns += page.length;
  load.push({
    step: 'raw runs through the canary projection, pages of 5,000 check after check',
    runs: rawRuns,
    seconds: (Date.now() - start) / 1000,
  });

  start = Date.now();
  const pageSeconds: number[] = [];
  let steadyRuns = 0;
  for (let m = 0; m < STEADY_MINUTES; m++) {
    const fromMs = steadyFromMs + m * MINUTE_MS;
    const minute: CanaryRun[] = [];
    for (let c = 0; c < CLUSTERS; c++) {
      for (let k = 0; k < CHECKS.length; k++) {
        minute.push(...checkRuns(c, k, fromMs, fromMs + MINUTE_MS));
      }
    }
    const t = Date.now();
    await apply(minute);
    pageSeconds.push((Date.now() - t) / 1000);
    steadyRuns += minute.length;
  }
  load.push({
    step: `the last ${STEADY_MINUTES} minutes through the projection, a page per minute of the fleet`,
    runs: steadyRuns,
    seconds: (Date.now() - start) / 1000,
  });
  pageSeconds.sort((a, b) => a - b);

  const rows = await countRows(knex, [
    'canary_runs',
    'canary_hours',
    'canary_days',
    'canary_checks',
    'canary_transitions',
  ]);

  const canary = new CanaryService({
    store,
    catalog: inMemoryCatalog(catalog),
    eventLog: { entityClusters: async () => [] },
    permissions: mockServices.permissions(),
    runners: [],
    settings,
    logger,
    now: () => NOW,
  });
  const credentials = mockCredentials.user();
  const component = (i: number) => (i * 7) % CLUSTERS;
  const entityRef = (i: number) => `component:default/svc-${component(i)}`;

  // the load is only worth timing if it gives the model's numbers: the
  // first component's uptime and p95 must be those of all its runs
  const first = await canary.getStatus(
    { entityRef: entityRef(0), window: '30d' },
    credentials,
  );
  await checkAgainstModel(canary, entityRef(0), settings);

  const windows: CanaryWindowFigures[] = [];
  for (const key of ['30d', '24h'] as const) {
    const reads = floorReads(knex, key);
    const sampleRows = await reads(
      componentClusters(component(0)).map(clusterName),
    );
    const [service, floor] = await timeInterleaved(
      200,
      20,
      i =>
        canary.getStatus({ entityRef: entityRef(i), window: key }, credentials),
      i => reads(componentClusters(component(i)).map(clusterName)),
    );
    windows.push({
      window: key,
      reads: describeReads(sampleRows),
      service,
      floor,
    });
  }

  return {
    clusters: CLUSTERS,
    checks: CHECKS.length,
    days: DAYS,
    fleetRuns: load[0].runs + rawRuns + steadyRuns,
    rawDays: options.rawDays,
    load,
    steadyPage: {
      pages: pageSeconds.length,
      p50: percentile(pageSeconds, 0.5),
      max: pageSeconds[pageSeconds.length - 1],
    },
    rows,
    sample: `${first.entityRef} in ${first.clusters.join(', ')}: ${
      first.verdict.verdict
    }, ${first.failing.length} failing check(s), platform-wide: ${
      first.platformWide
        .map(
          p =>
            `${p.check} down in ${p.clustersDown.length} of ${p.clustersRunning}`,
        )
        .join('; ') || 'none'
    }`,
    windows,
  };
}

/**
 * The rows `getStatus` reads for these clusters, straight from the indexes
 * with no mapping: the clusters' check rows, the fleet's down checks, the
 * per-check cluster count, and the window's roll-ups (whole UTC days from
 * `canary_days`, the edge hours from `canary_hours`).
 */
function floorReads(knex: Knex, key: CanaryWindowKey) {
  const window = canaryWindow(key, NOW.toISOString());
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const firstDay = Math.ceil(fromMs / DAY_MS) * DAY_MS;
  const lastDayEnd = Math.floor(toMs / DAY_MS) * DAY_MS;
  return (clusters: string[]) => {
    const hours = (from: string, to: string) =>
      knex('canary_hours')
        .whereIn('cluster', clusters)
        .where('hour_start', '>=', from)
        .where('hour_start', '<', to);
    const rollups =
      firstDay >= lastDayEnd
        ? [hours(window.from, window.to)]
        : [
            hours(window.from, iso(firstDay)),
            knex('canary_days')
              .whereIn('cluster', clusters)
              .where('day_start', '>=', iso(firstDay))
              .where('day_start', '<', iso(lastDayEnd)),
            hours(iso(lastDayEnd), window.to),
          ];
    return Promise.all([
      knex('canary_checks')
        .select('cluster', 'check_name', 'memory', 'interval_ms', 'recent')
        .whereIn('cluster', clusters),
      knex('canary_checks')
        .select('cluster', 'check_name', 'memory', 'interval_ms')
        .where('state', 'down'),
      knex('canary_checks')
        .select('check_name', 'capability')
        .count({ n: '*' })
        .groupBy('check_name', 'capability'),
      ...rollups,
    ]);
  };
}

function describeReads(results: any[][]): string {
  const [own, down, counts, ...rollups] = results;
  const rows = rollups.flat();
  const durations = rows.reduce(
    (n, r) => n + decodeDurations(r.durations_ms).length,
    0,
  );
  const n = (v: number) => v.toLocaleString('en-US');
  return `${own.length} check rows, ${down.length} down checks of the fleet, ${
    counts.length
  } per-check counts, ${n(rows.length)} roll-up rows (${rollups
    .map(r => r.length)
    .join(' + ')}) holding ${n(durations)} durations`;
}

/** The model's stats of a check over a window, shared by both databases' runs. */
const MODEL_STATS = new Map<string, CanaryWindowStats>();

/** Throws unless the status's window stats equal the model's over the raw runs. */
async function checkAgainstModel(
  canary: CanaryService,
  entityRef: string,
  settings: CanarySettings,
) {
  const credentials = mockCredentials.user();
  for (const key of ['30d', '24h'] as const) {
    const status = await canary.getStatus(
      { entityRef, window: key },
      credentials,
    );
    const window = canaryWindow(key, NOW.toISOString());
    for (const row of status.matrix) {
      const c = Number(row.cluster.slice('cluster-'.length));
      for (const check of row.cells.flatMap(cell => cell.checks)) {
        const k = CHECK_INDEX.get(check.check)!;
        const id = `${key}/${c}/${k}`;
        const model =
          MODEL_STATS.get(id) ??
          canaryWindowStats(
            rollUpCanaryHours(checkRuns(c, k, START_MS, NOW_MS), {
              maintenance: settings.maintenance,
            }),
            window,
          );
        MODEL_STATS.set(id, model);
        const got = check.stats;
        if (
          got.runs !== model.runs ||
          got.passes !== model.passes ||
          got.failures !== model.failures ||
          got.errors !== model.errors ||
          got.maintenanceRuns !== model.maintenanceRuns ||
          got.uptime !== model.uptime ||
          got.p95DurationMs !== model.p95DurationMs
        ) {
          throw new Error(
            `${key} ${row.cluster}/${
              check.check
            }: the status says ${JSON.stringify(
              got,
            )}, the model ${JSON.stringify(model)}`,
          );
        }
      }
    }
  }
}
