import { z } from 'zod';

/** The part of a Kubernetes object's metadata the readers use. */
export const objectMeta = z.object({
  name: z.string(),
  namespace: z.string().default('default'),
  annotations: z.record(z.string(), z.string()).optional(),
  creationTimestamp: z.string().optional(),
  uid: z.string().optional(),
});

/**
 * Kuberhealthy v2 (`comcast.github.io/v1`, kind `KuberhealthyState`, plural
 * `khstates`): one per check, the last result in `spec` (Go `WorkloadDetails`).
 */
export const kuberhealthyState = z.object({
  metadata: objectMeta,
  spec: z.object({
    OK: z.boolean().default(false),
    Errors: z.array(z.string()).nullish(),
    /** A Go duration string, e.g. "41.736326583s". */
    RunDuration: z.string().nullish(),
    Namespace: z.string().nullish(),
    /** RFC 3339; written when the checker pod reported. Null before the first run. */
    LastRun: z.string().nullish(),
    AuthoritativePod: z.string().nullish(),
    khWorkload: z.string().nullish(),
  }),
});
export type KuberhealthyState = z.infer<typeof kuberhealthyState>;

/** Kuberhealthy v2 `KuberhealthyCheck` (`khchecks`): the schedule and annotations. */
export const kuberhealthyCheck = z.object({
  metadata: objectMeta,
  spec: z
    .object({
      runInterval: z.string().nullish(),
      timeout: z.string().nullish(),
    })
    .default({}),
});
export type KuberhealthyCheck = z.infer<typeof kuberhealthyCheck>;

/**
 * Kuberhealthy v3 (`kuberhealthy.github.io/v2`, kind `HealthCheck`, plural
 * `healthchecks`): the schedule in `spec`, the last result in `status`.
 */
export const healthCheck = z.object({
  metadata: objectMeta,
  spec: z
    .object({
      runInterval: z.string().nullish(),
      timeout: z.string().nullish(),
    })
    .default({}),
  status: z
    .object({
      ok: z.boolean().default(false),
      errors: z.array(z.string()).nullish(),
      consecutiveFailures: z.number().nullish(),
      /** Go time.Duration: integer nanoseconds. */
      runDuration: z.number().nullish(),
      namespace: z.string().nullish(),
      /** Set while a run is in progress, cleared when it reports. */
      currentUUID: z.string().nullish(),
      /** Unix seconds the last run was scheduled (started). */
      lastRunUnix: z.number().nullish(),
    })
    .default({ ok: false }),
});
export type HealthCheck = z.infer<typeof healthCheck>;

export const KUBERHEALTHY_PATHS = {
  v2States: '/apis/comcast.github.io/v1/khstates',
  v2Checks: '/apis/comcast.github.io/v1/khchecks',
  v3HealthChecks: '/apis/kuberhealthy.github.io/v2/healthchecks',
} as const;

/** The Kubernetes annotation that names a check's capability. */
export const CAPABILITY_ANNOTATION = 'goldenpath.dev/canary-capability';
