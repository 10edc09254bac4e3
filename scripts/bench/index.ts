/*
 * `npm run bench`: intake throughput against the plain-knex floor on SQLite and
 * PostgreSQL, and peak memory. Prints figures and ratios; asserts nothing.
 * PostgreSQL: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432);
 * skipped with a note if it cannot be reached. Last, the real example backend is
 * started and fed over HTTP to read its peak memory.
 */
import knexFactory from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBackendMemory } from './backendMemory';
import { benchIntake, DatabaseFactory, IntakeFigures } from './intakeBench';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
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

async function main() {
  console.log(
    `Golden Path intake benchmark (node ${process.version}, ${
      os.cpus().length
    } cores)`,
  );
  report(
    'SQLite (better-sqlite3, file)',
    await benchIntake(sqliteFactory(), EVENTS),
  );

  const pgUrl =
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  try {
    const probe = knexFactory({ client: 'pg', connection: pgUrl });
    await probe.raw('select 1');
    await probe.destroy();
    report('PostgreSQL', await benchIntake(postgresFactory(pgUrl), EVENTS));
  } catch (error) {
    console.log(`\nPostgreSQL: skipped (${(error as Error).message})`);
  }

  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    `\nBench process (holds the events three times over): ${peakMiB.toFixed(
      0,
    )} MiB max RSS`,
  );

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

main().catch(error => {
  console.error(error);
  process.exit(1);
});
