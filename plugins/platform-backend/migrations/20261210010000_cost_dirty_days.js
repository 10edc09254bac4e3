// @ts-check

/**
 * Cluster-days whose hourly rows changed and whose daily rows are not rolled
 * up yet. The cost projection settles dirty hours one transaction each, then
 * the days they touched, so a cluster of any size never needs one huge
 * transaction or all of a day's rows in memory at once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_dirty_days', t => {
    t.comment(
      'Cluster-days with hourly rows not rolled up to the daily level yet',
    );
    t.string('cluster', 200).notNullable();
    t.string('day', 10).notNullable();
    t.primary(['cluster', 'day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_dirty_days');
};
