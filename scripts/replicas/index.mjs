#!/usr/bin/env node
/*
 * `npm run replicas [-- --events 30000] [--replicas 1,2,3]`: the example
 * backend as 1, 2 and 3 processes on one PostgreSQL database, fed by a
 * round-robin client. For each replica count it prints intake throughput, the
 * time until the DORA projection holds every event, and checks:
 *  - every event is stored exactly once (ids compared in the database);
 *  - the projection's rows equal those of the single-replica run;
 *  - each global scheduled task ran at most once per tick across all
 *    replicas (from the task-run lines the replicas log at debug).
 * Exits non-zero if a check fails.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  INGEST_TOKEN,
  backendProcess,
  guestToken,
} from '../lib/backendProcess.mjs';
import { platformDatabase } from '../lib/platformDatabase.mjs';
import { syntheticDeployment } from '../lib/syntheticDeployments.mjs';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '30000' },
    replicas: { type: 'string', default: '1,2,3' },
    batch: { type: 'string', default: '500' },
    idle: { type: 'string', default: '30' },
  },
});
const root = path.resolve(import.meta.dirname, '..', '..');
const total = Number(values.events);
const batchSize = Number(values.batch);
const TASK_SECONDS = 5;
const TASKS = ['platform-projections', 'platform-relink-events'];

const extraConfig = [
  '  projections:',
  `    schedule: { frequency: { seconds: ${TASK_SECONDS} }, timeout: { minutes: 5 }, initialDelay: { seconds: 1 } }`,
  '  linker:',
  `    schedule: { frequency: { seconds: ${TASK_SECONDS} }, timeout: { minutes: 1 }, initialDelay: { seconds: 1 } }`,
];

/** Alternating between two components, every 17th a failure. */
const event = n =>
  syntheticDeployment('replicas', n, {
    repository: n % 2 ? 'acme/payments-api' : 'acme/ledger-service',
    status: n % 17 ? 'success' : 'failure',
  });

/** Waits until the catalog has read the example entities the events name. */
async function catalogReady(replica) {
  const token = await guestToken(replica.baseUrl);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await fetch(
      `${replica.baseUrl}/api/catalog/entities/by-name/component/default/ledger-service`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (res.ok) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('the catalog did not load the example entities');
}

/**
 * Each replica's linker caches the catalog's index; one built before the
 * catalog had loaded is empty and reused for a few seconds. Let that pass, then
 * send each replica one event so its index is built from the loaded catalog:
 * the timed run then measures intake and projections, not startup.
 */
async function warmLinkers(replicas) {
  await new Promise(r => setTimeout(r, 6_000));
  for (const [i, replica] of replicas.entries()) {
    await post(replica, [
      { ...event(-1 - i), id: `warmup-${i}`, source: 'replicas-warmup' },
    ]);
  }
}

async function post(replica, events) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${replica.baseUrl}/api/platform/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${INGEST_TOKEN}`,
      },
      body: JSON.stringify({ events }),
    });
    if (res.status === 200) return;
    if (attempt > 5) throw new Error(`POST /events: ${res.status}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

/** Run lines `task <id> ran in N ms` with their timestamps, per replica. */
function taskRuns(replicas, since) {
  const runs = Object.fromEntries(TASKS.map(t => [t, []]));
  for (const [index, replica] of replicas.entries()) {
    const text = fs.readFileSync(replica.logFile, 'utf8');
    // eslint-disable-next-line no-control-regex
    for (const line of text.replace(/\u001b\[\d+m/g, '').split('\n')) {
      const m = /^(\S+Z) .*task (\S+) ran in/.exec(line);
      if (m && runs[m[2]] && Date.parse(m[1]) >= since) {
        runs[m[2]].push({ at: Date.parse(m[1]), replica: index });
      }
    }
  }
  return runs;
}

async function runWith(count) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-rep-'));
  const database = platformDatabase('pg', dataDir, `gp_rep${count}`);
  await database.reset();
  const replicas = Array.from({ length: count }, (_, i) =>
    backendProcess({
      root,
      port: 7071 + i,
      dataDir: path.join(dataDir, `r${i}`),
      database: {
        ...database.backendConfig,
        pool: { min: 0, max: 4 },
      },
      extraConfig,
      name: `replica-${count}-${i}`,
      env: { LOG_LEVEL: 'debug' },
    }),
  );
  try {
    // The first one runs the migrations; the others then start together.
    await replicas[0].start();
    await Promise.all(replicas.slice(1).map(r => r.start()));
    await catalogReady(replicas[0]);
    await warmLinkers(replicas);
    const started = Date.now();
    let next = 0;
    let request = 0;
    const worker = async () => {
      while (next < total) {
        const from = next;
        next = Math.min(total, next + batchSize);
        const batch = [];
        for (let n = from; n < next; n++) batch.push(event(n));
        await post(replicas[request++ % count], batch);
      }
    };
    await Promise.all(Array.from({ length: 2 * count }, worker));
    const intakeMs = Date.now() - started;

    let projected = 0;
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      projected = await database.count(
        "select count(*) as n from dora_deployments where source = 'replicas'",
      );
      if (projected >= total) break;
      await new Promise(r => setTimeout(r, 250));
    }
    const consistentMs = Date.now() - started - intakeMs;

    const idleFrom = Date.now();
    await new Promise(r => setTimeout(r, Number(values.idle) * 1000));
    const idleSeconds = (Date.now() - idleFrom) / 1000;
    const runs = taskRuns(replicas, idleFrom);

    const stored = await database.countById(
      "select event_id as id, count(*) as n from events where source = 'replicas' group by event_id",
    );
    const rows = await database.rows(
      "select entity_ref, source, deployment_id, environment, sha, status, started_at, finished_at from dora_deployments where source = 'replicas' order by deployment_id",
    );
    return {
      replicas: count,
      eventsPerSecond: Math.round(total / (intakeMs / 1000)),
      intakeSeconds: intakeMs / 1000,
      secondsToConsistentProjections: consistentMs / 1000,
      stored: stored.size,
      storedTwice: [...stored.values()].filter(n => n > 1).length,
      projected,
      projectionHash: crypto
        .createHash('sha256')
        .update(JSON.stringify(rows))
        .digest('hex')
        .slice(0, 16),
      taskRuns: Object.fromEntries(
        Object.entries(runs).map(([task, list]) => [
          task,
          {
            runs: list.length,
            ticks: Math.floor(idleSeconds / TASK_SECONDS),
            byReplica: list.reduce((acc, r) => {
              acc[r.replica] = (acc[r.replica] ?? 0) + 1;
              return acc;
            }, {}),
            minGapSeconds: list
              .map(r => r.at)
              .sort((a, b) => a - b)
              .reduce(
                (min, at, i, all) =>
                  i === 0 ? min : Math.min(min, (at - all[i - 1]) / 1000),
                Infinity,
              ),
          },
        ]),
      ),
    };
  } finally {
    await Promise.all(replicas.map(r => r.stop()));
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const count of values.replicas.split(',').map(Number)) {
  const result = await runWith(count);
  console.log(JSON.stringify(result));
  results.push(result);
}
const reference = results[0].projectionHash;
const failures = results.flatMap(r => [
  ...(r.stored !== total
    ? [`${r.replicas}: stored ${r.stored} of ${total}`]
    : []),
  ...(r.storedTwice ? [`${r.replicas}: ${r.storedTwice} stored twice`] : []),
  ...(r.projected !== total ? [`${r.replicas}: projected ${r.projected}`] : []),
  ...(r.projectionHash !== reference
    ? [
        `${r.replicas}: projection differs from the ${results[0].replicas}-replica run`,
      ]
    : []),
  ...Object.entries(r.taskRuns).flatMap(([task, t]) =>
    t.runs > t.ticks + 1 || t.minGapSeconds < TASK_SECONDS * 0.5
      ? [
          `${r.replicas}: ${task} ran ${t.runs} times in ${t.ticks} ticks (min gap ${t.minGapSeconds}s)`,
        ]
      : [],
  ),
]);
console.log(
  '\nreplicas | events/s | to consistent projections | stored once | same projection | task runs per tick',
);
for (const r of results) {
  const runs = Object.values(r.taskRuns)
    .map(t => `${t.runs}/${t.ticks}`)
    .join(', ');
  console.log(
    `${r.replicas} | ${
      r.eventsPerSecond
    } | ${r.secondsToConsistentProjections.toFixed(1)} s | ${
      r.stored - r.storedTwice
    }/${total} | ${r.projectionHash === reference ? 'yes' : 'NO'} | ${runs}`,
  );
}
if (failures.length) console.log(`\nFAILED:\n${failures.join('\n')}`);
process.exit(failures.length ? 1 : 0);
