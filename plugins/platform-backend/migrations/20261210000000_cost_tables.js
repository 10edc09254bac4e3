// @ts-check

/**
 * Cost roll-ups of `pod.usage`, `node.cost` and `deployment.finished`, at three
 * levels (docs/cost-model.md, "Storage and roll-ups"):
 *
 * 1. raw: one row per container-hour (`cost_samples`) and per node-hour
 *    (`cost_node_hours`), kept `platform.cost.retention.rawDays`;
 * 2. hourly: per container spec (`cost_container_hours`) and per cluster and
 *    node (`cost_cluster_hours`: capacity, allocated and idle cost), kept
 *    `retention.hourlyDays`;
 * 3. daily: per controller (`cost_controller_days`) and per cluster and node
 *    (`cost_cluster_days`), kept `retention.dailyDays`; the endpoints read these.
 *
 * `cost_dirty_hours` lists the cluster-hours the projection has written raw rows
 * for and not rolled up yet. Times are UTC ISO strings like the log's; days are
 * `YYYY-MM-DD`. Amounts are in the source currency (double precision).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} t @param {string[]} names */
  const doubles = (t, names) => {
    for (const name of names) t.double(name).notNullable();
  };
  const sums = [
    'cpu_request_core_hours',
    'cpu_usage_core_hours',
    'cpu_billed_core_hours',
    'memory_request_byte_hours',
    'memory_usage_byte_hours',
    'memory_billed_byte_hours',
    'cpu_cost',
    'memory_cost',
    // idle shared back hour by hour, per cluster and per node: both are kept so
    // platform.cost.idle.by can change without a replay
    'cluster_idle_cpu_cost',
    'cluster_idle_memory_cost',
    'node_idle_cpu_cost',
    'node_idle_memory_cost',
  ];
  const idle = [
    'cpu_capacity_cost',
    'memory_capacity_cost',
    'cpu_allocated_cost',
    'memory_allocated_cost',
    'cpu_idle_cost',
    'memory_idle_cost',
    'cpu_over_allocated_cost',
    'memory_over_allocated_cost',
  ];

  await knex.schema.createTable('cost_samples', t => {
    t.comment('pod.usage: one container during one hour (raw level)');
    t.string('cluster', 200).notNullable();
    t.string('namespace', 63).notNullable();
    t.string('pod_uid', 63).notNullable();
    t.string('container', 63).notNullable();
    t.string('hour_start', 24).notNullable();
    t.string('entity_ref', 400).nullable();
    t.string('controller_kind', 63).notNullable();
    t.string('controller', 253).notNullable();
    t.string('pod', 253).notNullable();
    t.string('node', 253).notNullable();
    doubles(t, [
      'cpu_request_cores',
      'cpu_usage_cores',
      'memory_request_bytes',
      'memory_usage_bytes',
    ]);
    t.double('cpu_core_hour_price').nullable();
    t.double('memory_gib_hour_price').nullable();
    t.bigInteger('seq').notNullable();
    t.primary(['cluster', 'namespace', 'pod_uid', 'container', 'hour_start']);
    t.index(['cluster', 'hour_start'], 'cost_samples_cluster_hour_idx');
    t.index(
      ['cluster', 'namespace', 'controller_kind', 'controller', 'hour_start'],
      'cost_samples_controller_hour_idx',
    );
    t.index(['entity_ref', 'hour_start'], 'cost_samples_entity_hour_idx');
    t.index(['hour_start'], 'cost_samples_hour_idx');
  });

  await knex.schema.createTable('cost_node_hours', t => {
    t.comment('node.cost: one node during one hour, its size and prices');
    t.string('cluster', 200).notNullable();
    t.string('node', 253).notNullable();
    t.string('hour_start', 24).notNullable();
    t.string('entity_ref', 400).nullable();
    t.string('instance_type', 253).notNullable();
    t.string('capacity_type', 16).notNullable();
    doubles(t, [
      'cpu_cores',
      'memory_bytes',
      'cpu_core_hour_price',
      'memory_gib_hour_price',
    ]);
    t.bigInteger('seq').notNullable();
    t.primary(['cluster', 'node', 'hour_start']);
    t.index(['cluster', 'hour_start'], 'cost_node_hours_cluster_hour_idx');
    t.index(['hour_start'], 'cost_node_hours_hour_idx');
  });

  await knex.schema.createTable('cost_dirty_hours', t => {
    t.comment('Cluster-hours with raw rows not rolled up yet');
    t.string('cluster', 200).notNullable();
    t.string('hour_start', 24).notNullable();
    t.primary(['cluster', 'hour_start']);
  });

  await knex.schema.createTable('cost_container_hours', t => {
    t.comment('Hourly level: a container spec (all its pods) during one hour');
    t.string('cluster', 200).notNullable();
    t.string('namespace', 63).notNullable();
    t.string('controller_kind', 63).notNullable();
    t.string('controller', 253).notNullable();
    t.string('container', 63).notNullable();
    t.string('hour_start', 24).notNullable();
    t.string('entity_ref', 400).nullable();
    t.integer('pod_hours').notNullable();
    t.integer('missing_price_hours').notNullable();
    doubles(t, sums);
    t.double('cpu_request_cores')
      .notNullable()
      .comment('The largest request of the hour (the latest-hour rule)');
    t.double('memory_request_bytes').notNullable();
    t.primary([
      'cluster',
      'namespace',
      'controller_kind',
      'controller',
      'container',
      'hour_start',
    ]);
    t.index(['cluster', 'hour_start'], 'cost_container_hours_cluster_idx');
    t.index(['hour_start'], 'cost_container_hours_hour_idx');
  });

  await knex.schema.createTable('cost_cluster_hours', t => {
    t.comment("Hourly idle: a cluster (node '') or one node during one hour");
    t.string('cluster', 200).notNullable();
    t.string('node', 253).notNullable();
    t.string('hour_start', 24).notNullable();
    t.integer('node_hours').notNullable();
    doubles(t, idle);
    t.primary(['cluster', 'node', 'hour_start']);
    t.index(['cluster', 'hour_start'], 'cost_cluster_hours_cluster_idx');
    t.index(['hour_start'], 'cost_cluster_hours_hour_idx');
  });

  await knex.schema.createTable('cost_controller_days', t => {
    t.comment('Daily level: a controller during one UTC day');
    t.string('cluster', 200).notNullable();
    t.string('namespace', 63).notNullable();
    t.string('controller_kind', 63).notNullable();
    t.string('controller', 253).notNullable();
    t.string('day', 10).notNullable();
    t.string('entity_ref', 400).nullable();
    t.integer('container_hours').notNullable();
    t.integer('missing_price_hours').notNullable();
    doubles(t, sums);
    t.string('first_hour', 24).notNullable();
    t.primary(['cluster', 'namespace', 'controller_kind', 'controller', 'day']);
    t.index(['entity_ref', 'day'], 'cost_controller_days_entity_idx');
    t.index(['cluster', 'day'], 'cost_controller_days_cluster_idx');
    t.index(['day'], 'cost_controller_days_day_idx');
  });

  await knex.schema.createTable('cost_cluster_days', t => {
    t.comment("Daily idle: a cluster (node '') or one node during one UTC day");
    t.string('cluster', 200).notNullable();
    t.string('node', 253).notNullable();
    t.string('day', 10).notNullable();
    t.integer('node_hours').notNullable();
    doubles(t, idle);
    t.primary(['cluster', 'node', 'day']);
    t.index(['day'], 'cost_cluster_days_day_idx');
  });

  await knex.schema.createTable('cost_deployments', t => {
    t.comment('deployment.finished, for cost before and after a deployment');
    t.string('entity_ref', 400).notNullable();
    t.string('source', 200).notNullable();
    t.string('deployment_id', 200).notNullable();
    t.string('environment', 100).notNullable();
    t.string('status', 16).notNullable();
    t.string('finished_at', 24).notNullable();
    t.primary(['entity_ref', 'source', 'deployment_id']);
    t.index(['entity_ref', 'finished_at'], 'cost_deployments_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'cost_deployments',
    'cost_cluster_days',
    'cost_controller_days',
    'cost_cluster_hours',
    'cost_container_hours',
    'cost_dirty_hours',
    'cost_node_hours',
    'cost_samples',
  ]) {
    await knex.schema.dropTable(table);
  }
};
