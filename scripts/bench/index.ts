/*
 * `npm run bench [intake|dora|cost|canary|memory]`: intake throughput against
 * the plain-knex floor, DORA, cost and canary query latency against the raw
 * indexed SQL floor, on SQLite and PostgreSQL, and the real backend's peak
 * memory. Prints figures and ratios; asserts nothing.
 * PostgreSQL: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432);
 * skipped with a note if it cannot be reached. Last, the real example backend is
 * started and fed over HTTP to read its peak memory.
 */
import knexFactory from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBackendMemory } from './backendMemory';
import { benchCanary, CanaryFigures } from './canaryBench';
import {
  benchCost,
  CostFigures,
  CostLoadPath,
  EndpointFigures,
} from './costBench';
import { benchDora, DoraFigures } from './doraBench';
import { benchIntake, DatabaseFactory, IntakeFigures } from './intakeBench';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const DORA_EVENTS = Number(process.env.BENCH_DORA_EVENTS ?? 1_000_000);
const COST_DAYS = Number(process.env.BENCH_COST_DAYS ?? 30);
const COST_OTHER_CONTAINERS = Number(
  process.env.BENCH_COST_OTHER_CONTAINERS ?? 100_000,
);
/** `intake` sends every event through the intake and the log first (slow: see docs/benchmarks.md). */
const COST_LOAD: CostLoadPath =
  process.env.BENCH_COST_LOAD === 'intake' ? 'intake' : 'projection';
/** Days of raw canary runs loaded through the projection (hour-aligned; fractions allowed). */
const CANARY_RAW_DAYS = Number(process.env.BENCH_CANARY_RAW_DAYS ?? 1);
const TARGET_RATIO = 2;

function sqliteFactory(): DatabaseFactory {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-bench-'));
  let n = 0;
  return async () => {
    const filename = path.join(dir, `bench-${n++}.sqlite`);
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    });
    return {
      knex,
      dispose: async () => {
        await knex.destroy();
        fs.rmSync(filename, { force: true });
      },
    };
  };
}

function postgresFactory(url: string): DatabaseFactory {
  const admin = async (sql: string, name: string) => {
    const db = knexFactory({ client: 'pg', connection: url });
    await db.raw(sql, [name]);
    await db.destroy();
  };
  let n = 0;
  return async () => {
    const name = `goldenpath_bench_${process.pid}_${n++}`;
    await admin('drop database if exists ??', name);
    await admin('create database ??', name);
    const knex = knexFactory({ client: 'pg', connection: `${url}/${name}` });
    return {
      knex,
      dispose: async () => {
        await knex.destroy();
        await admin('drop database if exists ??', name);
      },
    };
  };
}

function report(label: string, f: IntakeFigures) {
  const fmt = (v: number) =>
    `${Math.round(v).toLocaleString('en-US')} events/s`;
  const ratio = f.floorEventsPerSec / f.intakeEventsPerSec;
  const httpRatio = f.floorEventsPerSec / f.httpEventsPerSec;
  console.log(`\n${label}: ${f.events.toLocaleString('en-US')} events`);
  console.log(
    `  floor  (plain knex batchInsert of pre-built rows) ${fmt(
      f.floorEventsPerSec,
    )}`,
  );
  console.log(
    `  intake (validate, dedupe, link, append)           ${fmt(
      f.intakeEventsPerSec,
    )}  ratio ${ratio.toFixed(2)}x the floor (target <= ${TARGET_RATIO}x) ${
      ratio <= TARGET_RATIO ? 'OK' : 'OVER'
    }`,
  );
  console.log(
    `  HTTP   (POST /events through the router)          ${fmt(
      f.httpEventsPerSec,
    )}  ratio ${httpRatio.toFixed(2)}x the floor`,
  );
}

async function postgresAvailable(url: string): Promise<boolean> {
  try {
    const probe = knexFactory({ client: 'pg', connection: url });
    await probe.raw('select 1');
    await probe.destroy();
    return true;
  } catch (error) {
    console.log(`\nPostgreSQL: skipped (${(error as Error).message})`);
    return false;
  }
}

function reportDora(label: string, f: DoraFigures) {
  const ratio = f.p95 / f.floorP95;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `\n${label}: ${f.events.toLocaleString(
      'en-US',
    )} events from 500 services (loaded through the intake and projected in ${f.loadSeconds.toFixed(
      0,
    )} s)`,
  );
  console.log(
    `  DORA metrics, one entity, 90 days: p50 ${ms(f.p50)}  p95 ${ms(
      f.p95,
    )} (target < 50 ms) ${f.p95 < 50 ? 'OK' : 'OVER'}`,
  );
  console.log(
    `  floor (the same rows by raw indexed SQL): p50 ${ms(
      f.floorP50,
    )}  p95 ${ms(f.floorP95)}`,
  );
  console.log(
    `  ratio p95 ${ratio.toFixed(2)}x the floor (target <= 3x) ${
      ratio <= 3 ? 'OK' : 'OVER'
    }`,
  );
}

function reportCost(label: string, f: CostFigures) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const n = (v: number) => v.toLocaleString('en-US');
  console.log(
    `\n${label}: one component's 500 containers × ${
      f.days
    } days of hours and one day of ${n(
      f.otherContainers,
    )} other containers, with their nodes: ${n(f.events)} events`,
  );
  console.log(
    `  loaded: ${f.load
      .map(s => `${s.step} ${s.seconds.toFixed(0)} s`)
      .join('; ')}`,
  );
  console.log(
    `  rows: ${Object.entries(f.rows)
      .filter(([, count]) => count > 0)
      .map(([table, count]) => `${table} ${n(count)}`)
      .join(', ')}`,
  );
  const line = (name: string, e: EndpointFigures, judged: boolean) => {
    console.log(`  ${name} (${e.reads})`);
    if (!e.service) {
      console.log(`    service FAILED: ${e.error}${judged ? ' OVER' : ''}`);
    } else {
      const p95 = e.service.p95;
      console.log(
        `    service p50 ${ms(e.service.p50)}  p95 ${ms(p95)} over ${
          e.service.runs
        } calls${
          judged ? ` (target < 100 ms) ${p95 < 100 ? 'OK' : 'OVER'}` : ''
        }`,
      );
    }
    const ratio = e.service ? e.service.p95 / e.floor.p95 : NaN;
    console.log(
      `    floor   p50 ${ms(e.floor.p50)}  p95 ${ms(e.floor.p95)}${
        e.service ? `  ratio p95 ${ratio.toFixed(2)}x the floor` : ''
      }${
        judged && e.service
          ? ` (target <= 3x) ${ratio <= 3 ? 'OK' : 'OVER'}`
          : ''
      }`,
    );
  };
  line('GET /cost/summary', f.summary, true);
  line('GET /cost/pods', f.pods, false);
  line('GET /cost/deployments', f.deployments, false);
  line('GET /cost/recommendations', f.recommendations, false);
}

function reportCanary(label: string, f: CanaryFigures) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const n = (v: number) => v.toLocaleString('en-US');
  console.log(
    `\n${label}: ${f.clusters} clusters × ${f.checks} checks × ${
      f.days
    } days of one-minute runs (${n(f.fleetRuns)} runs; the last ${
      f.rawDays
    } day(s) stored raw)`,
  );
  for (const s of f.load) {
    console.log(
      `  loaded: ${s.step}: ${n(s.runs)} runs in ${s.seconds.toFixed(0)} s (${n(
        Math.round(s.runs / s.seconds),
      )} runs/s)`,
    );
  }
  console.log(
    `  one minute of the fleet through the projection: p50 ${f.steadyPage.p50.toFixed(
      2,
    )} s, max ${f.steadyPage.max.toFixed(2)} s (${f.steadyPage.pages} pages)`,
  );
  console.log(
    `  rows: ${Object.entries(f.rows)
      .map(([table, count]) => `${table} ${n(count)}`)
      .join(', ')}`,
  );
  console.log(`  ${f.sample}`);
  for (const w of f.windows) {
    const ratio = w.service.p95 / w.floor.p95;
    console.log(
      `  GET /canary/status, a component in 3 clusters, window ${w.window} (${w.reads}; ${w.service.runs} calls)`,
    );
    console.log(
      `    service p50 ${ms(w.service.p50)}  p95 ${ms(
        w.service.p95,
      )} (target < 100 ms) ${w.service.p95 < 100 ? 'OK' : 'OVER'}`,
    );
    console.log(
      `    floor   p50 ${ms(w.floor.p50)}  p95 ${ms(
        w.floor.p95,
      )}  ratio p95 ${ratio.toFixed(2)}x the floor (target <= 3x) ${
        ratio <= 3 ? 'OK' : 'OVER'
      }`,
    );
  }
}

const SECTIONS = ['intake', 'dora', 'cost', 'canary', 'memory'] as const;

async function main() {
  const asked = process.argv.slice(2);
  const run = (section: (typeof SECTIONS)[number]) =>
    asked.length === 0 || asked.includes(section);
  console.log(
    `Golden Path benchmarks (node ${process.version}, ${
      os.cpus().length
    } cores): ${SECTIONS.filter(run).join(', ')}`,
  );
  const pgUrl =
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const pg = await postgresAvailable(pgUrl);

  if (run('intake')) {
    report(
      'SQLite (better-sqlite3, file)',
      await benchIntake(sqliteFactory(), EVENTS),
    );
    if (pg)
      report('PostgreSQL', await benchIntake(postgresFactory(pgUrl), EVENTS));
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    console.log(
      `\nBench process (holds the events three times over): ${peakMiB.toFixed(
        0,
      )} MiB max RSS`,
    );
  }

  if (run('dora')) {
    reportDora('DORA on SQLite', await benchDora(sqliteFactory(), DORA_EVENTS));
    if (pg)
      reportDora(
        'DORA on PostgreSQL',
        await benchDora(postgresFactory(pgUrl), DORA_EVENTS),
      );
  }

  if (run('cost')) {
    const shape = {
      days: COST_DAYS,
      otherContainers: COST_OTHER_CONTAINERS,
      load: COST_LOAD,
    };
    reportCost('Cost on SQLite', await benchCost(sqliteFactory(), shape));
    if (pg)
      reportCost(
        'Cost on PostgreSQL',
        await benchCost(postgresFactory(pgUrl), shape),
      );
  }

  if (run('canary')) {
    // one load of the history for both databases: computing it is the slow part
    const figures = await benchCanary(
      [sqliteFactory(), ...(pg ? [postgresFactory(pgUrl)] : [])],
      { rawDays: CANARY_RAW_DAYS },
    );
    reportCanary('Canary on SQLite', figures[0]);
    if (pg) reportCanary('Canary on PostgreSQL', figures[1]);
  }

  if (run('memory')) {
    const backend = await benchBackendMemory(
      path.resolve(__dirname, '..', '..'),
      EVENTS,
    );
    console.log(
      `\nReal backend (catalog, auth, permissions, events, platform; SQLite), ${EVENTS.toLocaleString(
        'en-US',
      )} events over HTTP with the static token:`,
    );
    console.log(
      `  ${Math.round(backend.eventsPerSec).toLocaleString(
        'en-US',
      )} events/s end to end`,
    );
    console.log(
      `  memory: ${backend.idleMiB.toFixed(
        0,
      )} MiB RSS after start, ${backend.peakMiB.toFixed(0)} MiB peak (VmHWM)`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
