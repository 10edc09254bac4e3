import { z } from 'zod';
import { envelopeFields } from './envelope';
import {
  EVENT_LIMITS as L,
  eventTimestamp,
  httpUrl,
  int32,
  multiLine,
  nonNegative,
  notBefore,
  singleLine,
} from './fields';

const sha = singleLine(L.sha, { trimmed: true }).min(7);

/**
 * The projection stores environments lower-cased, and lower-casing can lengthen
 * a string ("İ" becomes two code units): bound the stored form too.
 */
const environment = singleLine(L.environment).refine(
  value => value.toLowerCase().length <= L.environment,
  {
    message: `Too big: expected string to have <=${L.environment} characters once lower-cased`,
  },
);

/** @public */
export const changeMergedData = z
  .strictObject({
    repository: singleLine(L.repository),
    prNumber: int32(1),
    mergeSha: sha,
    /**
     * Commit times are not checked against mergedAt: they come from the
     * committers' clocks; the lead-time maths ignores non-positive samples.
     */
    commits: z
      .array(z.strictObject({ sha, committedAt: eventTimestamp }))
      .max(L.commits),
    openedAt: eventTimestamp,
    mergedAt: eventTimestamp,
    additions: int32().default(0),
    deletions: int32().default(0),
    labels: z.array(singleLine(L.label)).max(L.labels).default([]),
    url: httpUrl.optional(),
  })
  .superRefine(notBefore('mergedAt', 'openedAt'));

/** @public */
export const deploymentFinishedData = z
  .strictObject({
    deploymentId: singleLine(L.deploymentId),
    environment,
    sha,
    status: z.enum(['success', 'failure', 'cancelled']),
    startedAt: eventTimestamp,
    finishedAt: eventTimestamp,
    changeShas: z.array(sha).max(L.commits).default([]),
    rollback: z.boolean().default(false),
    rework: z.enum(['hotfix', 'revert']).optional(),
    url: httpUrl.optional(),
  })
  .superRefine(notBefore('finishedAt', 'startedAt'));

const incidentBase = {
  incidentId: singleLine(L.incidentId),
  severity: singleLine(L.severity),
  openedAt: eventTimestamp,
  causedByDeploymentId: singleLine(L.deploymentId).optional(),
  rootCauseSha: sha.optional(),
  url: httpUrl.optional(),
};

/** @public */
export const incidentOpenedData = z.strictObject(incidentBase);

/** @public */
export const incidentResolvedData = z
  .strictObject({
    ...incidentBase,
    resolvedAt: eventTimestamp,
  })
  .superRefine(notBefore('resolvedAt', 'openedAt'));

/** @public */
export const podUsageData = z.strictObject({
  cluster: singleLine(L.cluster),
  namespace: singleLine(L.kubernetesLabel),
  pod: singleLine(L.kubernetesName),
  podUid: singleLine(L.kubernetesLabel),
  container: singleLine(L.kubernetesLabel),
  node: singleLine(L.kubernetesName),
  controller: singleLine(L.kubernetesName),
  /** The controller's kind (Deployment, StatefulSet, DaemonSet, Job, ...). */
  controllerKind: singleLine(L.kubernetesKind).default('Deployment'),
  /** Start of the hour the sample covers. */
  hourStart: eventTimestamp,
  /** Averages over the hour; 0 when the container sets no request. */
  cpuRequestCores: nonNegative(L.cores),
  cpuUsageCores: nonNegative(L.cores),
  memoryRequestBytes: nonNegative(Number.MAX_SAFE_INTEGER),
  memoryUsageBytes: nonNegative(Number.MAX_SAFE_INTEGER),
  /**
   * The node's prices for that hour, when the producer knows them; a
   * `node.cost` event for the same node and hour takes precedence.
   */
  cpuCoreHourPrice: nonNegative(L.price).optional(),
  memoryGibHourPrice: nonNegative(L.price).optional(),
});

/** One node during one hour: its size, capacity type and prices. @public */
export const nodeCostData = z.strictObject({
  cluster: singleLine(L.cluster),
  node: singleLine(L.kubernetesName),
  instanceType: singleLine(L.kubernetesName),
  capacityType: z.enum(['on-demand', 'spot']),
  cpuCores: nonNegative(L.cores),
  memoryBytes: nonNegative(Number.MAX_SAFE_INTEGER),
  /** Prices in the source currency (platform.cost.currency converts for display). */
  cpuCoreHourPrice: nonNegative(L.price),
  memoryGibHourPrice: nonNegative(L.price),
  /** Start of the hour. */
  hourStart: eventTimestamp,
});

/** @public */
export const canaryRunData = z.strictObject({
  cluster: singleLine(L.cluster),
  check: singleLine(L.name),
  capability: z.enum([
    'deploy',
    'dns',
    'ingress',
    'certificates',
    'metrics',
    'logs',
  ]),
  outcome: z.enum(['pass', 'fail', 'error', 'timeout']),
  durationMs: int32(),
  errors: z.array(multiLine(L.errorMessage)).max(L.errors).default([]),
  startedAt: eventTimestamp,
  /** The check's schedule, so staleness uses it instead of a guess. */
  intervalSeconds: int32(1).optional(),
  /** The last lines the probe logged, sent when it did not pass (same bounds as errors). */
  logTail: z.array(multiLine(L.errorMessage)).max(L.errors).optional(),
  /** `manual` for a "Run now"; absent means scheduled. */
  trigger: z.enum(['schedule', 'manual']).optional(),
});

/** @public */
export const rolloutUpdatedData = z.strictObject({
  cluster: singleLine(L.cluster),
  namespace: singleLine(L.kubernetesLabel),
  name: singleLine(L.kubernetesName),
  strategy: z.enum(['canary', 'blueGreen']),
  step: int32(),
  desiredWeight: z.number().min(0).max(100),
  actualWeight: z.number().min(0).max(100),
  phase: z.enum(['Progressing', 'Paused', 'Healthy', 'Degraded', 'Aborted']),
  /** The number of canary steps, to show "step 3 of 8". */
  totalSteps: int32().optional(),
  /** Why a paused rollout waits (Argo's pause condition, e.g. CanaryPauseStep). */
  pauseReason: singleLine(L.name).optional(),
  /** Why it aborted or degraded (Argo's status message). */
  message: multiLine(L.errorMessage).optional(),
  analysis: z
    .strictObject({
      /** The AnalysisRun's name. */
      name: singleLine(L.kubernetesName).optional(),
      status: z.enum([
        'Pending',
        'Running',
        'Successful',
        'Failed',
        'Error',
        'Inconclusive',
      ]),
      metrics: z
        .array(
          z.strictObject({
            name: singleLine(L.name),
            /** The latest measurement; absent before the first or when not a number. */
            value: z.number().finite().optional(),
            /** From the template's success condition; absent when it is not a simple comparison. */
            threshold: z.number().finite().optional(),
            /** The condition as written, e.g. `result[0] <= 0.01`. */
            condition: singleLine(L.errorMessage).optional(),
            verdict: z.enum([
              'pass',
              'fail',
              'inconclusive',
              'error',
              'running',
            ]),
          }),
        )
        .max(L.metrics),
    })
    .optional(),
});

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ ...envelopeFields, type: z.literal(type), data });

/**
 * A canonical engineering event: the one shape every source is normalised to.
 *
 * @public
 */
export const canonicalEventSchema = z.discriminatedUnion('type', [
  event('change.merged', changeMergedData),
  event('deployment.finished', deploymentFinishedData),
  event('incident.opened', incidentOpenedData),
  event('incident.resolved', incidentResolvedData),
  event('pod.usage', podUsageData),
  event('node.cost', nodeCostData),
  event('canary.run', canaryRunData),
  event('rollout.updated', rolloutUpdatedData),
]);

/** @public */
export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;

/** @public */
export type CanonicalEventType = CanonicalEvent['type'];

/** @public */
export const CANONICAL_EVENT_TYPES: readonly CanonicalEventType[] = [
  'change.merged',
  'deployment.finished',
  'incident.opened',
  'incident.resolved',
  'pod.usage',
  'node.cost',
  'canary.run',
  'rollout.updated',
];

/** @public */
export type CanonicalEventOf<T extends CanonicalEventType> = Extract<
  CanonicalEvent,
  { type: T }
>;

/** What a producer may send: defaults not yet applied. */
export type CanonicalEventInput = z.input<typeof canonicalEventSchema>;
