import {
  CanonicalEventOf,
  EVENT_LIMITS,
} from '@goldenpath/plugin-platform-common';
import { createHash } from 'node:crypto';
import { measurementValue, thresholdOf } from './condition';
import { AnalysisRun, Rollout } from './types';

export type RolloutUpdatedEvent = CanonicalEventOf<'rollout.updated'>;
type Data = RolloutUpdatedEvent['data'];
type Analysis = NonNullable<Data['analysis']>;

const PHASES: ReadonlyArray<Data['phase']> = [
  'Progressing',
  'Paused',
  'Healthy',
  'Degraded',
];
const ANALYSIS_PHASES: ReadonlyArray<Analysis['status']> = [
  'Pending',
  'Running',
  'Successful',
  'Failed',
  'Error',
  'Inconclusive',
];
const VERDICTS: Record<string, Analysis['metrics'][number]['verdict']> = {
  Successful: 'pass',
  Failed: 'fail',
  Inconclusive: 'inconclusive',
  Error: 'error',
};

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const clampWeight = (w: number) => Math.min(100, Math.max(0, w));

/** The AnalysisRun the rollout is waiting on, if any (step, background, blue-green). */
export function currentAnalysisRunName(rollout: Rollout): string | undefined {
  const { canary, blueGreen } = rollout.status;
  return (
    canary?.currentStepAnalysisRunStatus?.name ??
    canary?.currentBackgroundAnalysisRunStatus?.name ??
    blueGreen?.prePromotionAnalysisRunStatus?.name ??
    blueGreen?.postPromotionAnalysisRunStatus?.name ??
    undefined
  );
}

function phaseOf(rollout: Rollout): Data['phase'] {
  const { status } = rollout;
  if (status.abort) return 'Aborted';
  const phase = PHASES.find(p => p === status.phase);
  if (phase) return phase;
  return status.pauseConditions?.length ? 'Paused' : 'Progressing';
}

/**
 * Canary steps and weights. Desired: Argo's own rule, the last `setWeight` at
 * or before the current step (100 once every step is done, 0 after an
 * abort). Actual: the traffic router's canary weight when there is one,
 * else the share of pods already updated. A rollout whose new version is
 * already the stable one is at 100 / 100.
 */
function canaryProgress(rollout: Rollout) {
  const { status } = rollout;
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  const step = Math.min(status.currentStepIndex ?? 0, steps.length);
  const promoted =
    !!status.currentPodHash && status.currentPodHash === status.stableRS;
  let desired = 100;
  if (status.abort) desired = 0;
  else if (!promoted && step < steps.length) {
    desired = 0;
    for (let i = step; i >= 0; i--) {
      const weight = steps[i]?.setWeight;
      if (typeof weight === 'number') {
        desired = weight;
        break;
      }
    }
  }
  let actual: number;
  if (promoted) actual = 100;
  else if (typeof status.canary?.weights?.canary.weight === 'number') {
    actual = status.canary.weights.canary.weight;
  } else if (status.replicas) {
    actual = Math.round(
      (100 * (status.updatedReplicas ?? 0)) / status.replicas,
    );
  } else actual = 0;
  if (promoted) desired = 100;
  return {
    step,
    totalSteps: steps.length,
    desiredWeight: clampWeight(desired),
    actualWeight: clampWeight(actual),
  };
}

/** Blue-green: all or nothing, by which pods the active service selects. */
function blueGreenProgress(rollout: Rollout) {
  const { status } = rollout;
  const active =
    !!status.currentPodHash &&
    status.blueGreen?.activeSelector === status.currentPodHash;
  return {
    step: 0,
    desiredWeight: status.abort ? 0 : 100,
    actualWeight: active ? 100 : 0,
  };
}

function analysisOf(
  rollout: Rollout,
  run: AnalysisRun | undefined,
): Analysis | undefined {
  const name = currentAnalysisRunName(rollout);
  if (!name) return undefined;
  const summary =
    rollout.status.canary?.currentStepAnalysisRunStatus ??
    rollout.status.canary?.currentBackgroundAnalysisRunStatus ??
    rollout.status.blueGreen?.prePromotionAnalysisRunStatus ??
    rollout.status.blueGreen?.postPromotionAnalysisRunStatus;
  const phase = run?.status.phase ?? summary?.status;
  const metrics = (run?.status.metricResults ?? [])
    .slice(0, EVENT_LIMITS.metrics)
    .map(result => {
      const spec = run?.spec.metrics.find(m => m.name === result.name);
      const condition =
        spec?.successCondition ??
        (spec?.failureCondition
          ? `fails when ${spec.failureCondition}`
          : undefined);
      const last = result.measurements?.[result.measurements.length - 1];
      const value = measurementValue(last?.value);
      const threshold = thresholdOf(
        spec?.successCondition ?? spec?.failureCondition,
      );
      return {
        name: clip(result.name, EVENT_LIMITS.name),
        ...(value !== undefined ? { value } : {}),
        ...(threshold !== undefined ? { threshold } : {}),
        ...(condition
          ? { condition: clip(condition, EVENT_LIMITS.errorMessage) }
          : {}),
        verdict: VERDICTS[result.phase ?? ''] ?? 'running',
      };
    });
  return {
    name,
    status: ANALYSIS_PHASES.find(p => p === phase) ?? 'Pending',
    metrics,
  };
}

/**
 * When the status last moved, from the rollout's and the analysis' own
 * times (so the same status always maps to the same event).
 */
function occurredAtOf(
  rollout: Rollout,
  run: AnalysisRun | undefined,
  now: () => number,
) {
  const times = [
    ...(rollout.status.conditions ?? []).flatMap(c => [
      c.lastUpdateTime,
      c.lastTransitionTime,
    ]),
    ...(rollout.status.pauseConditions ?? []).map(p => p.startTime),
    run?.status.startedAt,
    ...(run?.status.metricResults ?? []).flatMap(r =>
      (r.measurements ?? []).flatMap(m => [m.startedAt, m.finishedAt]),
    ),
  ]
    .map(t => Date.parse(t ?? ''))
    .filter(Number.isFinite);
  if (times.length > 0) return new Date(Math.max(...times)).toISOString();
  const created = Date.parse(rollout.metadata.creationTimestamp ?? '');
  return new Date(Number.isFinite(created) ? created : now()).toISOString();
}

/**
 * One Rollout's status (and its current AnalysisRun) as a `rollout.updated`
 * event for the component it belongs to. The id ends with a digest of the
 * data and time, so the same status is the same event (a re-send is a
 * duplicate) and any change is a new one.
 */
export function mapRollout(options: {
  cluster: string;
  entityRef: string;
  rollout: Rollout;
  analysisRun?: AnalysisRun;
  now?: () => number;
}): RolloutUpdatedEvent {
  const { cluster, entityRef, rollout, analysisRun } = options;
  const { name, namespace } = rollout.metadata;
  // a Rollout without a canary block but with blueGreen is blue-green;
  // Argo defaults to canary
  const strategy =
    !rollout.spec.strategy.canary && rollout.spec.strategy.blueGreen
      ? 'blueGreen'
      : 'canary';
  const progress =
    strategy === 'canary'
      ? canaryProgress(rollout)
      : blueGreenProgress(rollout);
  const pauseReason = rollout.status.pauseConditions?.[0]?.reason;
  const message = rollout.status.message?.trim();
  const analysis = analysisOf(rollout, analysisRun);
  const data: Data = {
    cluster,
    namespace,
    name,
    strategy,
    ...progress,
    phase: phaseOf(rollout),
    ...(pauseReason
      ? { pauseReason: clip(pauseReason, EVENT_LIMITS.name) }
      : {}),
    ...(message ? { message: clip(message, EVENT_LIMITS.errorMessage) } : {}),
    ...(analysis ? { analysis } : {}),
  };
  const occurredAt = occurredAtOf(
    rollout,
    analysisRun,
    options.now ?? Date.now,
  );
  const digest = createHash('sha256')
    .update(JSON.stringify({ entityRef, data, occurredAt }))
    .digest('hex')
    .slice(0, 16);
  return {
    id: `${cluster}/${namespace}/${name}/${digest}`,
    source: `argo-rollouts/${cluster}`,
    type: 'rollout.updated',
    occurredAt,
    subject: { kind: 'entity', name: entityRef },
    entityRef,
    data,
  };
}
