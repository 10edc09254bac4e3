// @ts-check

/**
 * The append-only event log. Times are UTC ISO-8601 strings of one fixed shape
 * (Date#toISOString), so they sort and compare as text the same way on SQLite and
 * PostgreSQL, and hour/day buckets are plain prefixes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('events', table => {
    table.comment('Every accepted canonical event, in arrival order');
    table.bigIncrements('seq').primary().comment('Position in the log');
    table.string('source', 200).notNullable();
    table.string('event_id', 200).notNullable();
    table.string('type', 64).notNullable();
    table.string('occurred_at', 24).notNullable();
    table.string('received_at', 24).notNullable();
    table.string('subject_kind', 32).notNullable();
    table.string('subject_name', 400).notNullable();
    table.string('subject_cluster', 200).nullable();
    table.string('entity_ref', 400).nullable();
    table.text('link_reason').nullable();
    table.text('event').notNullable().comment('The canonical event as JSON');
    table
      .text('raw')
      .nullable()
      .comment(
        'The source payload it was mapped from, when not sent canonical',
      );
    table.unique(['source', 'event_id'], { indexName: 'events_source_id_uq' });
    table.index(
      ['entity_ref', 'type', 'occurred_at'],
      'events_entity_type_time_idx',
    );
    table.index(['type', 'occurred_at'], 'events_type_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('events');
};
