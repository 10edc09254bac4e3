// @ts-check

/**
 * The projection runner's bookkeeping, shared by every feature: events a
 * projection could not apply are recorded here with the reason (the projection
 * moves on), so one bad event never freezes the numbers of every entity.
 * The cursors themselves stay in `projection_cursors` (one row per projection,
 * locked while a page is applied).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('projection_dead_letters', table => {
    table.comment('Events a projection could not apply, with the reason');
    table.string('projection', 64).notNullable();
    table.bigInteger('seq').notNullable().comment('The event in the log');
    table.string('source', 200).notNullable();
    table.string('event_id', 200).notNullable();
    table.string('event_type', 64).notNullable();
    table.text('reason').notNullable();
    table.string('failed_at', 24).notNullable();
    table.primary(['projection', 'seq']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('projection_dead_letters');
};
