/*
 * Direct read access to the platform plugin's database of a harness-started
 * backend (SQLite file or PostgreSQL with a prefix), to check what was stored
 * without going through the API under test.
 */
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import fs from 'node:fs';
import path from 'node:path';

const PG_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ||
  'postgresql://postgres@127.0.0.1:5432';

export function platformDatabase(kind, dataDir, prefix) {
  if (kind === 'pg') return postgres(`${prefix}_${process.pid}_`);
  if (kind !== 'sqlite')
    throw new Error(`--database: sqlite or pg, not ${kind}`);
  const file = () => {
    const dir = path.join(dataDir, 'sqlite');
    const name = fs.readdirSync(dir).find(f => /platform\.sqlite$/.test(f));
    if (!name) throw new Error(`no platform SQLite file in ${dir}`);
    return path.join(dir, name);
  };
  const query = sql => {
    const db = new Database(file(), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  return {
    backendConfig: { client: 'sqlite' },
    reset: async () => {},
    drop: async () => {},
    count: async sql => {
      try {
        return Number(query(sql)[0].n);
      } catch {
        return 0; // the table may not exist yet
      }
    },
    countById: async sql => new Map(query(sql).map(r => [r.id, Number(r.n)])),
  };
}

function postgres(prefix) {
  const database = `${prefix}platform`;
  const admin = () => knexFactory({ client: 'pg', connection: PG_URL });
  const dropAll = async () => {
    const db = admin();
    try {
      const { rows } = await db.raw(
        'select datname from pg_database where datname like ?',
        [`${prefix}%`],
      );
      for (const { datname } of rows) {
        await db.raw('drop database if exists ?? with (force)', [datname]);
      }
    } finally {
      await db.destroy();
    }
  };
  const query = async sql => {
    const db = knexFactory({
      client: 'pg',
      connection: `${PG_URL}/${database}`,
    });
    try {
      return (await db.raw(sql)).rows;
    } finally {
      await db.destroy();
    }
  };
  return {
    backendConfig: { client: 'pg', url: PG_URL, prefix },
    reset: dropAll,
    drop: dropAll,
    count: async sql => {
      try {
        return Number((await query(sql))[0].n);
      } catch {
        return 0;
      }
    },
    countById: async sql =>
      new Map((await query(sql)).map(r => [r.id, Number(r.n)])),
    rows: query,
  };
}
