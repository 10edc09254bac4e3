import {
  CanonicalEventInput,
  EVENT_LIMITS as L,
} from '@goldenpath/plugin-platform-common';

/**
 * A string of exactly `length` UTF-16 code units: `prefix`, then '€'. The
 * euro sign is one code unit but three UTF-8 bytes, the most a character the
 * length limits count as one can take, so a column sized in bytes, or an
 * index near PostgreSQL's row-size limit, fails here and not in production.
 */
export function fill(prefix: string, length: number): string {
  if (prefix.length > length) throw new Error(`"${prefix}" exceeds ${length}`);
  return prefix + '€'.repeat(length - prefix.length);
}

/** An http URL of exactly the maximum length. */
function longUrl(path: string): string {
  const start = `https://ci.example.com/${path}/`;
  return start + 'a'.repeat(L.url - start.length);
}

const sha = (name: string) => fill(`${name}-`, L.sha);

/** The catalog's own limit for a name is 63 characters. */
export const MAX_ENTITY_NAME = `max-fields-${'x'.repeat(63 - 11)}`;
export const MAX_ENTITY_REF = `component:default/${MAX_ENTITY_NAME}`;

/** What every max-length event is about: a repository name of the maximum length. */
export const MAX_SUBJECT = {
  kind: 'repository',
  name: fill('acme/max-', L.subjectName),
  cluster: fill('cluster-', L.subjectCluster),
} as const;

/** A Component the max-length events link to, through its project-slug annotation. */
export const maxFieldsEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: MAX_ENTITY_NAME,
    namespace: 'default',
    annotations: { 'github.com/project-slug': MAX_SUBJECT.name },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

const SOURCE = fill('source-', L.source);

/** Every commit of the change: the maximum number of them. */
const commits = Object.freeze(
  Array.from({ length: L.commits }, (_, i) =>
    Object.freeze({
      sha: sha(`c${i}`),
      committedAt: '2026-11-03T08:00:00.000Z',
    }),
  ),
);

/**
 * The values the max-length events carry, for assertions: each bounded field
 * at its bound (strings at their length, arrays at their count, integers at
 * the largest a PostgreSQL `integer` holds).
 */
export const MAX = Object.freeze({
  source: SOURCE,
  repository: fill('acme/', L.repository),
  prNumber: L.int32,
  mergeSha: sha('merge'),
  commits,
  labels: Object.freeze(
    Array.from({ length: L.labels }, (_, i) => fill(`l${i}-`, L.label)),
  ),
  deploymentId: fill('deploy-', L.deploymentId),
  environment: fill('env-', L.environment),
  incidentId: fill('incident-', L.incidentId),
  severity: fill('SEV-', L.severity),
  url: longUrl('max'),
  /** An explicit entity ref of the maximum length: no catalog entity has it. */
  entityRef: fill('component:default/', L.entityRef),
});

const envelope = (type: string) => ({
  id: fill(`${type}-`, L.id),
  source: SOURCE,
  subject: { ...MAX_SUBJECT },
});

/**
 * The DORA events with every bounded field at its maximum: a change with the
 * most commits and labels, a deployment shipping all of them, and an incident
 * it caused, opened and resolved. All link to `maxFieldsEntity`. Fresh objects
 * on each call, so a test may change them.
 */
export function maxLengthDoraEvents(): CanonicalEventInput[] {
  const incident = {
    incidentId: MAX.incidentId,
    severity: MAX.severity,
    openedAt: '2026-11-03T13:00:00.000Z',
    causedByDeploymentId: MAX.deploymentId,
    rootCauseSha: MAX.mergeSha,
    url: MAX.url,
  };
  return [
    {
      ...envelope('change.merged'),
      type: 'change.merged',
      occurredAt: '2026-11-03T09:00:00.000Z',
      data: {
        repository: MAX.repository,
        prNumber: MAX.prNumber,
        mergeSha: MAX.mergeSha,
        commits: MAX.commits.map(c => ({ ...c })),
        openedAt: '2026-11-03T08:00:00.000Z',
        mergedAt: '2026-11-03T09:00:00.000Z',
        additions: L.int32,
        deletions: L.int32,
        labels: [...MAX.labels],
        url: MAX.url,
      },
    },
    {
      ...envelope('deployment.finished'),
      type: 'deployment.finished',
      occurredAt: '2026-11-03T12:00:00.000Z',
      data: {
        deploymentId: MAX.deploymentId,
        environment: MAX.environment,
        sha: MAX.mergeSha,
        status: 'success',
        startedAt: '2026-11-03T11:50:00.000Z',
        finishedAt: '2026-11-03T12:00:00.000Z',
        changeShas: MAX.commits.map(c => c.sha),
        rollback: false,
        rework: 'hotfix',
        url: MAX.url,
      },
    },
    {
      ...envelope('incident.opened'),
      type: 'incident.opened',
      occurredAt: incident.openedAt,
      data: incident,
    },
    {
      ...envelope('incident.resolved'),
      type: 'incident.resolved',
      occurredAt: '2026-11-03T15:00:00.000Z',
      data: { ...incident, resolvedAt: '2026-11-03T15:00:00.000Z' },
    },
  ];
}

/**
 * The other event types at their maximum, stored in the log only (no
 * projection reads them yet). The canary run names an entity ref of the
 * maximum length, which no entity has: it stays unlinked.
 */
export function maxLengthOtherEvents(): CanonicalEventInput[] {
  return [
    {
      ...envelope('pod.usage'),
      type: 'pod.usage',
      occurredAt: '2026-11-03T10:00:00.000Z',
      data: {
        cluster: fill('cluster-', L.cluster),
        namespace: fill('ns-', L.kubernetesLabel),
        pod: fill('pod-', L.kubernetesName),
        podUid: fill('uid-', L.kubernetesLabel),
        container: fill('container-', L.kubernetesLabel),
        node: fill('node-', L.kubernetesName),
        controller: fill('controller-', L.kubernetesName),
        hourStart: '2026-11-03T10:00:00.000Z',
        cpuRequestCores: L.cores,
        cpuUsageCores: L.cores,
        memoryRequestBytes: Number.MAX_SAFE_INTEGER,
        memoryUsageBytes: Number.MAX_SAFE_INTEGER,
        cpuCoreHourPrice: L.price,
        memoryGibHourPrice: L.price,
      },
    },
    {
      ...envelope('canary.run'),
      entityRef: MAX.entityRef,
      type: 'canary.run',
      occurredAt: '2026-11-03T10:00:00.000Z',
      data: {
        cluster: fill('cluster-', L.cluster),
        check: fill('check-', L.name),
        capability: 'deploy',
        outcome: 'fail',
        durationMs: L.int32,
        errors: Array.from({ length: L.errors }, (_, i) =>
          fill(`error ${i}\nline two\t`, L.errorMessage),
        ),
        startedAt: '2026-11-03T10:00:00.000Z',
      },
    },
    {
      ...envelope('rollout.updated'),
      type: 'rollout.updated',
      occurredAt: '2026-11-03T10:00:00.000Z',
      data: {
        cluster: fill('cluster-', L.cluster),
        namespace: fill('ns-', L.kubernetesLabel),
        name: fill('rollout-', L.kubernetesName),
        strategy: 'canary',
        step: L.int32,
        desiredWeight: 100,
        actualWeight: 100,
        phase: 'Progressing',
        analysis: {
          status: 'Running',
          metrics: Array.from({ length: L.metrics }, (_, i) => ({
            name: fill(`metric-${i}-`, L.name),
            value: Number.MAX_VALUE,
            threshold: -Number.MAX_VALUE,
            verdict: 'pass',
          })),
        },
      },
    },
  ] as CanonicalEventInput[];
}

/** Every event type, every bounded field at its maximum. */
export function maxLengthEvents(): CanonicalEventInput[] {
  return [...maxLengthDoraEvents(), ...maxLengthOtherEvents()];
}
