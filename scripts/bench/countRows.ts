import { Knex } from 'knex';

/** Rows per table, for a bench's report of what it loaded. */
export async function countRows(
  knex: Knex,
  tables: string[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await knex(table).count({ n: '*' });
    out[table] = Number(n);
  }
  return out;
}
