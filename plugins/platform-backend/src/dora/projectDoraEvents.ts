import {
  CanonicalEvent,
  CanonicalEventOf,
  DoraChangeRow,
  DoraDeploymentRow,
  DoraIncidentRow,
} from '@goldenpath/plugin-platform-common';

/** The event types the DORA projection reads from the log. */
export const DORA_EVENT_TYPES = [
  'change.merged',
  'deployment.finished',
  'incident.opened',
  'incident.resolved',
] as const;

export type DeploymentUpsert = DoraDeploymentRow & { source: string };
export type ChangeUpsert = DoraChangeRow & { source: string };
/** `resolvedAt` undefined means "leave as is": an opened event never reopens. */
export type IncidentUpsert = DoraIncidentRow & { source: string };

export interface DoraUpserts {
  deployments: DeploymentUpsert[];
  changes: ChangeUpsert[];
  incidents: IncidentUpsert[];
}

export interface LinkedEvent {
  seq: number;
  entityRef: string;
  event: CanonicalEvent;
}

const iso = (value: string) => new Date(value).toISOString();

/**
 * A row's natural key, as the tables' primary keys: per entity, since ids are
 * only unique within the entity that sent them. JSON, so no separator inside
 * a part can make two keys collide.
 */
const key = (...parts: Array<string | number>) => JSON.stringify(parts);

/**
 * Maps linked events (in log order) to one upsert per natural key. Repeats of a
 * key within the batch are folded here, because one SQL upsert statement may
 * not touch the same row twice; later events win, except that an incident's
 * resolution is never undone by a late `incident.opened`.
 */
export function projectDoraEvents(events: LinkedEvent[]): DoraUpserts {
  const deployments = new Map<string, DeploymentUpsert>();
  const changes = new Map<string, ChangeUpsert>();
  const incidents = new Map<string, IncidentUpsert>();

  for (const { entityRef, event } of events) {
    switch (event.type) {
      case 'deployment.finished': {
        const d = event.data;
        deployments.set(key(entityRef, event.source, d.deploymentId), {
          source: event.source,
          deploymentId: d.deploymentId,
          entityRef,
          environment: d.environment.toLowerCase(),
          sha: d.sha,
          status: d.status,
          startedAt: iso(d.startedAt),
          finishedAt: iso(d.finishedAt),
          changeShas: d.changeShas,
          rollback: d.rollback,
          rework: d.rework,
          url: d.url,
        });
        break;
      }
      case 'change.merged': {
        const c = event.data;
        changes.set(key(entityRef, event.source, c.repository, c.prNumber), {
          source: event.source,
          entityRef,
          repository: c.repository,
          prNumber: c.prNumber,
          mergeSha: c.mergeSha,
          openedAt: iso(c.openedAt),
          mergedAt: iso(c.mergedAt),
          additions: c.additions,
          deletions: c.deletions,
          commits: c.commits.map(k => ({
            sha: k.sha,
            committedAt: iso(k.committedAt),
          })),
          labels: c.labels,
          url: c.url,
        });
        break;
      }
      case 'incident.opened':
      case 'incident.resolved': {
        const k = key(entityRef, event.source, event.data.incidentId);
        const earlier = incidents.get(k);
        const next = incidentUpsert(event, entityRef);
        incidents.set(k, {
          ...next,
          resolvedAt: next.resolvedAt ?? earlier?.resolvedAt,
        });
        break;
      }
      default:
        break;
    }
  }
  return {
    deployments: [...deployments.values()],
    changes: [...changes.values()],
    incidents: [...incidents.values()],
  };
}

function incidentUpsert(
  event: CanonicalEventOf<'incident.opened' | 'incident.resolved'>,
  entityRef: string,
): IncidentUpsert {
  const i = event.data;
  return {
    source: event.source,
    incidentId: i.incidentId,
    entityRef,
    severity: i.severity,
    openedAt: iso(i.openedAt),
    resolvedAt: 'resolvedAt' in i ? iso(i.resolvedAt) : undefined,
    causedByDeploymentId: i.causedByDeploymentId,
    rootCauseSha: i.rootCauseSha,
    url: i.url,
  };
}
