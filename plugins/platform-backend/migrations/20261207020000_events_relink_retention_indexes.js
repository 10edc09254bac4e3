// @ts-check

/**
 * Partial indexes for the bounded relink task and for retention, so neither
 * scans the linked majority of the log:
 * - unlinked events by log position: the relink task pages through them from
 *   its cursor, and unlinked-event retention deletes the oldest first;
 * - events still holding their source payload, by arrival: raw-payload
 *   retention clears the oldest; a cleared row leaves the index.
 * Both databases support partial indexes (SQLite since 3.8).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('events', table => {
    table.index(['seq'], 'events_unlinked_seq_idx', {
      predicate: knex.whereNull('entity_ref'),
    });
    table.index(['received_at'], 'events_raw_received_idx', {
      predicate: knex.whereNotNull('raw'),
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('events', table => {
    table.dropIndex(['received_at'], 'events_raw_received_idx');
    table.dropIndex(['seq'], 'events_unlinked_seq_idx');
  });
};
