#!/usr/bin/env node
/*
 * `npm run crash-test [-- --events 100000] [--kills 2] [--database sqlite|pg]`:
 * streams events to the example backend with client retries while the backend
 * is killed with SIGKILL (and started again on the same data) `kills` times.
 * Then compares ids: every event must be stored exactly once (0 lost, 0
 * duplicated), and the DORA projection must hold each deployment once after it
 * catches up. Exits non-zero otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { INGEST_TOKEN, backendProcess } from '../lib/backendProcess.mjs';
import { platformDatabase } from '../lib/platformDatabase.mjs';
import { syntheticDeployment } from '../lib/syntheticDeployments.mjs';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '500' },
    kills: { type: 'string', default: '2' },
    database: { type: 'string', default: 'sqlite' },
    port: { type: 'string', default: '7061' },
  },
});
const root = path.resolve(import.meta.dirname, '..', '..');
const total = Number(values.events);
const batchSize = Number(values.batch);
const kills = Number(values.kills);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-crash-'));
const database = platformDatabase(values.database, dataDir, 'gp_crash');
await database.reset();

const backend = backendProcess({
  root,
  port: Number(values.port),
  dataDir,
  database: database.backendConfig,
  name: 'crash-backend',
});

const event = n => syntheticDeployment('crash', n);

/** Sends one batch until the backend answers it; counts the retries. */
async function sendUntilAnswered(events, stats) {
  for (;;) {
    try {
      const res = await fetch(`${backend.baseUrl}/api/platform/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${INGEST_TOKEN}`,
        },
        body: JSON.stringify({ events }),
        signal: AbortSignal.timeout(60_000),
      });
      if (res.status === 200) {
        const body = await res.json();
        stats.accepted += body.accepted;
        stats.duplicates += body.duplicates;
        return;
      }
      stats.errors[res.status] = (stats.errors[res.status] ?? 0) + 1;
    } catch {
      stats.errors.network = (stats.errors.network ?? 0) + 1;
    }
    stats.retries += 1;
    await new Promise(r => setTimeout(r, 250));
  }
}

const started = Date.now();
await backend.start();
const stats = { accepted: 0, duplicates: 0, retries: 0, errors: {} };
const killAt = Array.from({ length: kills }, (_, i) =>
  Math.floor(((i + 1) * total) / (kills + 1)),
);
const restarts = [];
let sent = 0;
const inFlight = new Set();
while (sent < total) {
  const batch = [];
  for (let i = 0; i < batchSize && sent < total; i++) batch.push(event(sent++));
  const p = sendUntilAnswered(batch, stats).finally(() => inFlight.delete(p));
  inFlight.add(p);
  if (inFlight.size >= 4) await Promise.race(inFlight);
  if (killAt.length && sent >= killAt[0]) {
    killAt.shift();
    const t0 = Date.now();
    await backend.kill('SIGKILL');
    await backend.start();
    restarts.push({ afterEvents: sent, restartMs: Date.now() - t0 });
    console.log(
      `killed with SIGKILL after ${sent} events sent; back in ${
        Date.now() - t0
      } ms`,
    );
  }
}
await Promise.all(inFlight);
const intakeSeconds = (Date.now() - started) / 1000;

// Wait for the projections to catch up (lag 0 on /health, service token).
const expectedIds = Array.from({ length: total }, (_, n) => `crash-${n}`);
let projected = 0;
const deadline = Date.now() + 300_000;
while (Date.now() < deadline) {
  projected = await database.count(
    "select count(*) as n from dora_deployments where source = 'crash'",
  );
  if (projected >= total) break;
  await new Promise(r => setTimeout(r, 1000));
}
const stored = await database.countById(
  "select event_id as id, count(*) as n from events where source = 'crash' group by event_id",
);
const lost = expectedIds.filter(id => !stored.has(id)).length;
const duplicated = [...stored.values()].filter(n => n > 1).length;
await backend.stop();
await database.drop();
fs.rmSync(dataDir, { recursive: true, force: true });

const report = {
  database: values.database,
  events: total,
  kills: restarts,
  client: stats,
  intakeSeconds,
  stored: stored.size,
  lost,
  duplicated,
  projectedDeployments: projected,
};
console.log(JSON.stringify(report, null, 2));
console.log(
  `crash-test (${values.database}): ${total} events, ${restarts.length} SIGKILLs: ${lost} lost, ${duplicated} duplicated, ${projected} of ${total} projected`,
);
process.exit(lost === 0 && duplicated === 0 && projected === total ? 0 : 1);
