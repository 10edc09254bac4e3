import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  DoraChangeRow,
  DoraDeploymentRow,
  DoraIncidentRow,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { DoraUpserts } from './projectDoraEvents';
import { DoraRowQuery, DoraStore } from './DoraStore';
import { migratedClient } from '../database/migrateDatabase';

/** SQLite caps a multi-row insert (a compound SELECT in knex) at 500 rows. */
const CHUNK = 400;

/**
 * Natural keys, per entity: ids are only unique within the entity that sent
 * them (two components may both have deployment "42" from one CI).
 */
const DEPLOYMENT_KEY = ['entity_ref', 'source', 'deployment_id'];
const CHANGE_KEY = ['entity_ref', 'source', 'repository', 'pr_number'];
const INCIDENT_KEY = ['entity_ref', 'source', 'incident_id'];

const INCIDENT_OPEN_COLUMNS = [
  'entity_ref',
  'severity',
  'opened_at',
  'caused_by_deployment_id',
  'root_cause_sha',
  'url',
];

export class DatabaseDoraStore implements DoraStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseDoraStore> {
    return new DatabaseDoraStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  constructor(private readonly knex: Knex) {}

  async upsert(upserts: DoraUpserts, tx: Knex.Transaction): Promise<void> {
    for (const rows of chunks(upserts.deployments.map(deploymentRow))) {
      await tx('dora_deployments')
        .insert(rows)
        .onConflict(DEPLOYMENT_KEY)
        .merge();
    }
    for (const rows of chunks(upserts.changes.map(changeRow))) {
      await tx('dora_changes').insert(rows).onConflict(CHANGE_KEY).merge();
    }
    // A resolution is kept when a late `incident.opened` arrives, so opened
    // and resolved rows are upserted with different column sets.
    const resolved = upserts.incidents.filter(i => i.resolvedAt);
    const open = upserts.incidents.filter(i => !i.resolvedAt);
    for (const rows of chunks(resolved.map(incidentRow))) {
      await tx('dora_incidents').insert(rows).onConflict(INCIDENT_KEY).merge();
    }
    for (const rows of chunks(open.map(incidentRow))) {
      await tx('dora_incidents')
        .insert(rows)
        .onConflict(INCIDENT_KEY)
        .merge(INCIDENT_OPEN_COLUMNS);
    }
  }

  async listEnvironments(entityRefs: string[]): Promise<string[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.knex('dora_deployments')
      .distinct('environment')
      .whereIn('entity_ref', entityRefs)
      .orderBy('environment', 'asc');
    return rows.map(r => r.environment);
  }

  async listDeployments(q: DoraRowQuery): Promise<DoraDeploymentRow[]> {
    const rows = await this.knex('dora_deployments')
      .whereIn('entity_ref', q.entityRefs)
      .where('finished_at', '>=', q.from)
      .where('finished_at', '<', q.to)
      .orderBy('finished_at', 'asc');
    return rows.map(r => ({
      deploymentId: r.deployment_id,
      entityRef: r.entity_ref,
      environment: r.environment,
      sha: r.sha,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      changeShas: JSON.parse(r.change_shas),
      rollback: Boolean(r.rollback),
      ...(r.rework ? { rework: r.rework } : {}),
      ...(r.url ? { url: r.url } : {}),
    }));
  }

  async listChanges(q: DoraRowQuery): Promise<DoraChangeRow[]> {
    const rows = await this.knex('dora_changes')
      .whereIn('entity_ref', q.entityRefs)
      .where('merged_at', '>=', q.from)
      .where('merged_at', '<', q.to)
      .orderBy('merged_at', 'asc');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      repository: r.repository,
      prNumber: Number(r.pr_number),
      mergeSha: r.merge_sha,
      openedAt: r.opened_at,
      mergedAt: r.merged_at,
      additions: Number(r.additions),
      deletions: Number(r.deletions),
      commits: JSON.parse(r.commits),
      labels: JSON.parse(r.labels),
      ...(r.url ? { url: r.url } : {}),
    }));
  }

  async listIncidents(q: DoraRowQuery): Promise<DoraIncidentRow[]> {
    const rows = await this.knex('dora_incidents')
      .whereIn('entity_ref', q.entityRefs)
      .where('opened_at', '>=', q.from)
      .where('opened_at', '<', q.to)
      .orderBy('opened_at', 'asc');
    return rows.map(r => ({
      incidentId: r.incident_id,
      entityRef: r.entity_ref,
      severity: r.severity,
      openedAt: r.opened_at,
      ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
      ...(r.caused_by_deployment_id
        ? { causedByDeploymentId: r.caused_by_deployment_id }
        : {}),
      ...(r.root_cause_sha ? { rootCauseSha: r.root_cause_sha } : {}),
      ...(r.url ? { url: r.url } : {}),
    }));
  }
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

function deploymentRow(d: DoraUpserts['deployments'][number]) {
  return {
    source: d.source,
    deployment_id: d.deploymentId,
    entity_ref: d.entityRef,
    environment: d.environment,
    sha: d.sha,
    status: d.status,
    started_at: d.startedAt,
    finished_at: d.finishedAt,
    change_shas: JSON.stringify(d.changeShas),
    rollback: d.rollback,
    rework: d.rework ?? null,
    url: d.url ?? null,
  };
}

function changeRow(c: DoraUpserts['changes'][number]) {
  return {
    source: c.source,
    repository: c.repository,
    pr_number: c.prNumber,
    entity_ref: c.entityRef,
    merge_sha: c.mergeSha,
    opened_at: c.openedAt,
    merged_at: c.mergedAt,
    additions: c.additions,
    deletions: c.deletions,
    commits: JSON.stringify(c.commits),
    labels: JSON.stringify(c.labels),
    url: c.url ?? null,
  };
}

function incidentRow(i: DoraUpserts['incidents'][number]) {
  return {
    source: i.source,
    incident_id: i.incidentId,
    entity_ref: i.entityRef,
    severity: i.severity,
    opened_at: i.openedAt,
    resolved_at: i.resolvedAt ?? null,
    caused_by_deployment_id: i.causedByDeploymentId ?? null,
    root_cause_sha: i.rootCauseSha ?? null,
    url: i.url ?? null,
  };
}
