import { z } from 'zod';
import { envelopeFields, isoTimestamp } from './envelope';

const sha = z.string().trim().min(7).max(64);
const nonNegative = z.number().finite().nonnegative();

/** @public */
export const changeMergedData = z.strictObject({
  repository: z.string().min(1),
  prNumber: z.number().int().positive(),
  mergeSha: sha,
  commits: z
    .array(z.strictObject({ sha, committedAt: isoTimestamp }))
    .max(10_000),
  openedAt: isoTimestamp,
  mergedAt: isoTimestamp,
  additions: z.number().int().nonnegative().default(0),
  deletions: z.number().int().nonnegative().default(0),
  labels: z.array(z.string()).max(100).default([]),
  url: z.url().optional(),
});

/** @public */
export const deploymentFinishedData = z.strictObject({
  deploymentId: z.string().min(1),
  environment: z.string().min(1),
  sha,
  status: z.enum(['success', 'failure', 'cancelled']),
  startedAt: isoTimestamp,
  finishedAt: isoTimestamp,
  changeShas: z.array(sha).max(10_000).default([]),
  rollback: z.boolean().default(false),
  rework: z.enum(['hotfix', 'revert']).optional(),
  url: z.url().optional(),
});

const incidentBase = {
  incidentId: z.string().min(1),
  severity: z.string().min(1).max(40),
  openedAt: isoTimestamp,
  causedByDeploymentId: z.string().min(1).optional(),
  rootCauseSha: sha.optional(),
  url: z.url().optional(),
};

/** @public */
export const incidentOpenedData = z.strictObject(incidentBase);

/** @public */
export const incidentResolvedData = z.strictObject({
  ...incidentBase,
  resolvedAt: isoTimestamp,
});

/** @public */
export const podUsageData = z.strictObject({
  cluster: z.string().min(1),
  namespace: z.string().min(1),
  pod: z.string().min(1),
  podUid: z.string().min(1),
  container: z.string().min(1),
  node: z.string().min(1),
  controller: z.string().min(1),
  /** Start of the hour the sample covers. */
  hourStart: isoTimestamp,
  cpuRequestCores: nonNegative,
  cpuUsageCores: nonNegative,
  memoryRequestBytes: nonNegative,
  memoryUsageBytes: nonNegative,
  /** The node's prices for that hour. */
  cpuCoreHourPrice: nonNegative,
  memoryGibHourPrice: nonNegative,
});

/** @public */
export const canaryRunData = z.strictObject({
  cluster: z.string().min(1),
  check: z.string().min(1),
  capability: z.enum([
    'deploy',
    'dns',
    'ingress',
    'certificates',
    'metrics',
    'logs',
  ]),
  outcome: z.enum(['pass', 'fail', 'error', 'timeout']),
  durationMs: z.number().int().nonnegative(),
  errors: z.array(z.string().max(2000)).max(50).default([]),
  startedAt: isoTimestamp,
});

/** @public */
export const rolloutUpdatedData = z.strictObject({
  cluster: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
  strategy: z.enum(['canary', 'blueGreen']),
  step: z.number().int().nonnegative(),
  desiredWeight: z.number().min(0).max(100),
  actualWeight: z.number().min(0).max(100),
  phase: z.enum(['Progressing', 'Paused', 'Healthy', 'Degraded', 'Aborted']),
  analysis: z
    .strictObject({
      status: z.enum(['Pending', 'Running', 'Successful', 'Failed', 'Error']),
      metrics: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            value: z.number().finite(),
            threshold: z.number().finite(),
            verdict: z.enum(['pass', 'fail', 'inconclusive']),
          }),
        )
        .max(50),
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
