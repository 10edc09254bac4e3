// @ts-check

/**
 * DORA projections of the event log, rebuildable from it. Rows are upserted by
 * their natural key, so re-applying an event (replay, relink) changes nothing.
 * Times are UTC ISO strings like the log's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('projection_cursors', table => {
    table.comment('How far in the event log each projection has read');
    table.string('name', 64).primary();
    table.bigInteger('last_seq').notNullable();
  });

  await knex.schema.createTable('dora_deployments', table => {
    table.string('source', 200).notNullable();
    table.string('deployment_id', 200).notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('environment', 100).notNullable();
    table.string('sha', 64).notNullable();
    table.string('status', 16).notNullable();
    table.string('started_at', 24).notNullable();
    table.string('finished_at', 24).notNullable();
    table.text('change_shas').notNullable().comment('JSON array');
    table.boolean('rollback').notNullable();
    table.string('rework', 16).nullable();
    table.text('url').nullable();
    table.primary(['source', 'deployment_id']);
    table.index(
      ['entity_ref', 'environment', 'finished_at'],
      'dora_deployments_entity_time_idx',
    );
  });

  await knex.schema.createTable('dora_changes', table => {
    table.string('source', 200).notNullable();
    table.string('repository', 300).notNullable();
    table.integer('pr_number').notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('merge_sha', 64).notNullable();
    table.string('opened_at', 24).notNullable();
    table.string('merged_at', 24).notNullable();
    table.integer('additions').notNullable();
    table.integer('deletions').notNullable();
    table
      .text('commits')
      .notNullable()
      .comment('JSON array of { sha, committedAt }');
    table.text('labels').notNullable().comment('JSON array');
    table.text('url').nullable();
    table.primary(['source', 'repository', 'pr_number']);
    table.index(['entity_ref', 'merged_at'], 'dora_changes_entity_time_idx');
  });

  await knex.schema.createTable('dora_incidents', table => {
    table.string('source', 200).notNullable();
    table.string('incident_id', 200).notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('severity', 40).notNullable();
    table.string('opened_at', 24).notNullable();
    table.string('resolved_at', 24).nullable();
    table.string('caused_by_deployment_id', 200).nullable();
    table.string('root_cause_sha', 64).nullable();
    table.text('url').nullable();
    table.primary(['source', 'incident_id']);
    table.index(['entity_ref', 'opened_at'], 'dora_incidents_entity_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_incidents');
  await knex.schema.dropTable('dora_changes');
  await knex.schema.dropTable('dora_deployments');
  await knex.schema.dropTable('projection_cursors');
};
