/*
 * Starts the example backend (SQLite in `dataDir`), runs the fuzz against it,
 * reads the stored rows straight from its SQLite file and stops it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {
  INGEST_TOKEN,
  backendProcess,
  guestToken,
} from '../lib/backendProcess.mjs';
import { runFuzz } from './runFuzz.mjs';

function platformDatabaseFile(dataDir) {
  const dir = path.join(dataDir, 'sqlite');
  const file = fs.readdirSync(dir).find(f => /platform\.sqlite$/.test(f));
  if (!file) throw new Error(`no platform SQLite file in ${dir}`);
  return path.join(dir, file);
}

/** Rows per event id in the platform plugin's events table. */
function storedCounter(dataDir) {
  return async ids => {
    const db = new Database(platformDatabaseFile(dataDir), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const counts = new Map();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = db
          .prepare(
            `select event_id as id, count(*) as n from events where event_id in (${chunk
              .map(() => '?')
              .join(',')}) group by event_id`,
          )
          .all(...chunk);
        for (const row of rows) counts.set(row.id, row.n);
      }
      return counts;
    } finally {
      db.close();
    }
  };
}

export async function fuzzBackend({ root, dataDir, port, count, seed }) {
  const backend = backendProcess({ root, port, dataDir, name: 'fuzz-backend' });
  await backend.start();
  try {
    const tokens = {
      ingest: `Bearer ${INGEST_TOKEN}`,
      user: `Bearer ${await guestToken(backend.baseUrl)}`,
    };
    return await runFuzz({
      baseUrl: backend.baseUrl,
      count,
      seed,
      tokens,
      countStored: storedCounter(dataDir),
      isAlive: async () => {
        try {
          const res = await fetch(
            `${backend.baseUrl}/.backstage/health/v1/readiness`,
          );
          return res.ok && backend.alive;
        } catch {
          return false;
        }
      },
    });
  } finally {
    await backend.stop();
  }
}
