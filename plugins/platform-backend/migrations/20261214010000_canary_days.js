// @ts-check

/**
 * Canary daily roll-ups (`canary_days`): one row per check, cluster and UTC
 * day, the merge of that day's `canary_hours` rows (counts summed, durations
 * merged and sorted). The 7d and 30d windows read whole days from here and
 * only the partial days at their edges from `canary_hours`, so a 30-day p95
 * merges about 50 lists instead of 720, with the same exact result. Kept
 * `platform.canary.retention.hourlyDays` like the hours.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('canary_days', t => {
    t.comment('one check in one cluster during one UTC day (merged hours)');
    t.string('cluster', 200).notNullable();
    t.string('check_name', 200).notNullable();
    t.string('day_start', 24).notNullable();
    t.string('capability', 32).notNullable();
    t.integer('runs').notNullable();
    t.integer('passes').notNullable();
    t.integer('fails').notNullable();
    t.integer('timeouts').notNullable();
    t.integer('errors').notNullable();
    t.integer('maintenance_runs').notNullable();
    t.text('durations_ms').notNullable();
    t.primary(['cluster', 'check_name', 'day_start']);
    t.index(['cluster', 'day_start'], 'canary_days_cluster_day_idx');
    t.index(['day_start'], 'canary_days_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('canary_days');
};
