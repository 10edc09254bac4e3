import { z } from 'zod';
import { objectMeta } from '../kuberhealthy/types';

const analysisRunStatusRef = z.object({
  name: z.string(),
  status: z.string().nullish(),
  message: z.string().nullish(),
});

const time = z.string().nullish();

/**
 * Argo Rollouts `Rollout` (`argoproj.io/v1alpha1`, plural `rollouts`): the
 * fields the reader maps (Argo Rollouts 1.x `RolloutStatus`).
 */
export const rolloutSchema = z.object({
  metadata: objectMeta.extend({
    labels: z.record(z.string(), z.string()).optional(),
  }),
  spec: z
    .object({
      strategy: z
        .object({
          canary: z
            .object({
              steps: z
                .array(z.object({ setWeight: z.number().nullish() }).loose())
                .nullish(),
            })
            .loose()
            .nullish(),
          blueGreen: z.object({}).loose().nullish(),
        })
        .default({}),
    })
    .default({ strategy: {} }),
  status: z
    .object({
      abort: z.boolean().nullish(),
      phase: z.string().nullish(),
      message: z.string().nullish(),
      currentStepIndex: z.number().nullish(),
      currentPodHash: z.string().nullish(),
      stableRS: z.string().nullish(),
      replicas: z.number().nullish(),
      updatedReplicas: z.number().nullish(),
      pauseConditions: z
        .array(z.object({ reason: z.string(), startTime: time }))
        .nullish(),
      conditions: z
        .array(
          z.object({
            type: z.string(),
            lastUpdateTime: time,
            lastTransitionTime: time,
          }),
        )
        .nullish(),
      canary: z
        .object({
          currentStepAnalysisRunStatus: analysisRunStatusRef.nullish(),
          currentBackgroundAnalysisRunStatus: analysisRunStatusRef.nullish(),
          weights: z
            .object({
              canary: z.object({ weight: z.number().nullish() }),
              stable: z.object({ weight: z.number().nullish() }).nullish(),
            })
            .nullish(),
        })
        .nullish(),
      blueGreen: z
        .object({
          activeSelector: z.string().nullish(),
          previewSelector: z.string().nullish(),
          prePromotionAnalysisRunStatus: analysisRunStatusRef.nullish(),
          postPromotionAnalysisRunStatus: analysisRunStatusRef.nullish(),
        })
        .nullish(),
    })
    .default({}),
});
export type Rollout = z.infer<typeof rolloutSchema>;

/** Argo Rollouts `AnalysisRun`: its metrics (conditions) and their results. */
export const analysisRunSchema = z.object({
  metadata: objectMeta,
  spec: z
    .object({
      metrics: z
        .array(
          z.object({
            name: z.string(),
            successCondition: z.string().nullish(),
            failureCondition: z.string().nullish(),
          }),
        )
        .default([]),
    })
    .default({ metrics: [] }),
  status: z
    .object({
      phase: z.string().nullish(),
      message: z.string().nullish(),
      startedAt: time,
      metricResults: z
        .array(
          z.object({
            name: z.string(),
            phase: z.string().nullish(),
            measurements: z
              .array(
                z.object({
                  phase: z.string().nullish(),
                  /** Argo stores it as a string ("0.99", "[0.99]"). */
                  value: z.string().nullish(),
                  startedAt: time,
                  finishedAt: time,
                }),
              )
              .nullish(),
          }),
        )
        .nullish(),
    })
    .default({}),
});
export type AnalysisRun = z.infer<typeof analysisRunSchema>;

export const ROLLOUT_PATHS = {
  rollouts: '/apis/argoproj.io/v1alpha1/rollouts',
  namespacedRollouts: (namespace: string) =>
    `/apis/argoproj.io/v1alpha1/namespaces/${encodeURIComponent(
      namespace,
    )}/rollouts`,
  analysisRun: (namespace: string, name: string) =>
    `/apis/argoproj.io/v1alpha1/namespaces/${encodeURIComponent(
      namespace,
    )}/analysisruns/${encodeURIComponent(name)}`,
};
