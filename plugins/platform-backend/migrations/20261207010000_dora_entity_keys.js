// @ts-check

/**
 * DORA rows are keyed per entity. Deployment ids, incident ids and (source,
 * repository, PR) are unique only within the entity that sent them: with the
 * old keys two components of a Group with deployment "42" from the same CI
 * overwrote each other's row.
 *
 * The keys change in place (knex rebuilds the table on SQLite, which has no
 * ALTER for a primary key), and the `dora` projection's cursor goes back to 0:
 * the tables are rebuildable from the event log, and only a replay brings back
 * the rows the old keys overwrote. Rows already there stay, so the numbers are
 * served meanwhile; the replay's upserts are idempotent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await setKeys(knex, {
    dora_deployments: ['entity_ref', 'source', 'deployment_id'],
    dora_changes: ['entity_ref', 'source', 'repository', 'pr_number'],
    dora_incidents: ['entity_ref', 'source', 'incident_id'],
  });
  await replayDora(knex);
};

/**
 * The old keys cannot hold two entities' rows with one id: empty the tables
 * and replay them from the log under the old keys.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of ['dora_deployments', 'dora_changes', 'dora_incidents']) {
    await knex(table).delete();
  }
  await setKeys(knex, {
    dora_deployments: ['source', 'deployment_id'],
    dora_changes: ['source', 'repository', 'pr_number'],
    dora_incidents: ['source', 'incident_id'],
  });
  await replayDora(knex);
};

/**
 * @param {import('knex').Knex} knex
 * @param {Record<string, string[]>} keys
 */
async function setKeys(knex, keys) {
  for (const [table, columns] of Object.entries(keys)) {
    await knex.schema.alterTable(table, t => {
      t.dropPrimary();
      t.primary(columns);
    });
  }
}

/** @param {import('knex').Knex} knex */
async function replayDora(knex) {
  await knex('projection_cursors')
    .where('name', 'dora')
    .update({ last_seq: 0 });
}
