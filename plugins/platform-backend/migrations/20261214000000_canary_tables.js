// @ts-check

/**
 * Canary: `canary.run` and `rollout.updated` projected (docs/canary.md,
 * "Storage, endpoints and notifications"):
 *
 * - `canary_runs`: one row per run of a check in a cluster (raw level), kept
 *   `platform.canary.retention.rawDays`;
 * - `canary_hours`: the model's hourly roll-ups (counts and the sorted
 *   durations, so any window's p95 is exact), kept `retention.hourlyDays`;
 * - `canary_checks`: one row per (cluster, check): the state machine's memory
 *   after the latest run and what the matrix shows, so reads never replay runs;
 * - `canary_transitions`: every state change, for "platform or product" and
 *   for notifications (`notification` records whether one was sent, so a
 *   replay never sends it again), kept `retention.hourlyDays`;
 * - `canary_rollouts`: the latest `rollout.updated` per rollout of an entity.
 *
 * Times are UTC ISO strings like the log's; JSON columns are text.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('canary_runs', t => {
    t.comment('canary.run: one run of one check in one cluster (raw level)');
    t.string('cluster', 200).notNullable();
    t.string('check_name', 200).notNullable();
    t.string('started_at', 24).notNullable();
    t.string('hour_start', 24).notNullable();
    t.string('capability', 32).notNullable();
    t.string('outcome', 16).notNullable();
    t.integer('duration_ms').notNullable();
    t.text('errors').notNullable();
    t.text('log_tail').nullable();
    t.string('trigger', 16).notNullable();
    t.integer('interval_seconds').nullable();
    t.string('entity_ref', 400).nullable();
    t.string('source', 200).notNullable();
    t.string('event_id', 200).notNullable();
    t.bigInteger('seq').notNullable();
    t.primary(['cluster', 'check_name', 'started_at']);
    t.index(['started_at'], 'canary_runs_started_idx');
  });

  await knex.schema.createTable('canary_hours', t => {
    t.comment('one check in one cluster during one UTC hour (rollUpCanaryHours)');
    t.string('cluster', 200).notNullable();
    t.string('check_name', 200).notNullable();
    t.string('hour_start', 24).notNullable();
    t.string('capability', 32).notNullable();
    t.integer('runs').notNullable();
    t.integer('passes').notNullable();
    t.integer('fails').notNullable();
    t.integer('timeouts').notNullable();
    t.integer('errors').notNullable();
    t.integer('maintenance_runs').notNullable();
    t.text('durations_ms').notNullable();
    t.primary(['cluster', 'check_name', 'hour_start']);
    t.index(['cluster', 'hour_start'], 'canary_hours_cluster_hour_idx');
    t.index(['hour_start'], 'canary_hours_hour_idx');
  });

  await knex.schema.createTable('canary_checks', t => {
    t.comment('one check in one cluster: state after its latest run');
    t.string('cluster', 200).notNullable();
    t.string('check_name', 200).notNullable();
    t.string('capability', 32).notNullable();
    t.string('state', 16).notNullable();
    t.string('since', 24).nullable();
    t.integer('consecutive_failures').notNullable();
    t.integer('consecutive_passes').notNullable();
    t.boolean('flapping').notNullable();
    t.string('last_run_at', 24).nullable();
    t.string('last_outcome', 16).nullable();
    // the runner's interval when its runs say it; null: inferred when read
    t.integer('interval_ms').nullable();
    // evaluateCanaryCheck's memory, passed back as resumeFrom
    t.text('memory').notNullable();
    // the latest 30 runs (startedAt, outcome, durationMs), oldest first
    t.text('recent').notNullable();
    t.primary(['cluster', 'check_name']);
  });

  await knex.schema.createTable('canary_transitions', t => {
    t.comment('a state change of one check in one cluster');
    t.string('cluster', 200).notNullable();
    t.string('check_name', 200).notNullable();
    t.string('at', 24).notNullable();
    t.string('capability', 32).notNullable();
    t.string('from_state', 16).notNullable();
    t.string('to_state', 16).notNullable();
    t.string('streak_started_at', 24).notNullable();
    t.boolean('flapping').notNullable();
    // pending | sent | muted | skipped | expired | no-recipients (CanaryNotifier)
    t.string('notification', 16).notNullable();
    t.string('notified_at', 24).nullable();
    t.primary(['cluster', 'check_name', 'at']);
    t.index(['cluster', 'at'], 'canary_transitions_cluster_at_idx');
    t.index(['notification', 'at'], 'canary_transitions_notification_idx');
    t.index(['at'], 'canary_transitions_at_idx');
  });

  await knex.schema.createTable('canary_rollouts', t => {
    t.comment('rollout.updated: the latest status of one rollout of an entity');
    t.string('entity_ref', 400).notNullable();
    t.string('cluster', 200).notNullable();
    t.string('namespace', 63).notNullable();
    t.string('name', 253).notNullable();
    t.string('updated_at', 24).notNullable();
    t.bigInteger('seq').notNullable();
    // the event's data as sent (strategy, step, weights, phase, analysis ...)
    t.text('status').notNullable();
    t.primary(['entity_ref', 'cluster', 'namespace', 'name']);
    t.index(['cluster'], 'canary_rollouts_cluster_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('canary_rollouts');
  await knex.schema.dropTable('canary_transitions');
  await knex.schema.dropTable('canary_checks');
  await knex.schema.dropTable('canary_hours');
  await knex.schema.dropTable('canary_runs');
};
