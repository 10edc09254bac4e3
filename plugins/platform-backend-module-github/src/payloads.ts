import { parsePayload as parseWith } from '@goldenpath/plugin-platform-node';
import { z } from 'zod';

/*
 * The parts of GitHub webhook payloads the mappings read. Objects are loose:
 * GitHub adds fields often, and everything else (senders, authors) is ignored.
 */

const repository = z.looseObject({
  full_name: z.string().min(3),
  html_url: z.url(),
  default_branch: z.string().min(1),
});

/** Enough of a `pull_request` payload to decide whether it is a merge. */
export const pullRequestAction = z.looseObject({
  action: z.string(),
  pull_request: z.looseObject({ merged: z.boolean().nullish() }),
});

export const mergedPullRequestPayload = z.looseObject({
  action: z.literal('closed'),
  repository,
  pull_request: z.looseObject({
    number: z.number().int().positive(),
    merged: z.literal(true),
    merge_commit_sha: z.string().min(7),
    created_at: z.string(),
    merged_at: z.string(),
    additions: z.number().int().nonnegative().optional(),
    deletions: z.number().int().nonnegative().optional(),
    labels: z.array(z.looseObject({ name: z.string() })).default([]),
    html_url: z.url(),
  }),
});

export const deploymentStatusPayload = z.looseObject({
  repository,
  deployment_status: z.looseObject({
    id: z.number().int(),
    state: z.string(),
    created_at: z.string(),
    target_url: z.string().nullish(),
    log_url: z.string().nullish(),
  }),
  deployment: z.looseObject({
    id: z.number().int(),
    sha: z.string().min(7),
    environment: z.string().min(1),
    created_at: z.string(),
    /** Free-form JSON (object or string) set by whoever created the deployment. */
    payload: z.unknown().optional(),
  }),
});

/** Enough of a `workflow_run` payload to decide whether it is a deployment. */
export const workflowRunAction = z.looseObject({
  action: z.string(),
  repository: z.looseObject({ default_branch: z.string() }),
  workflow_run: z.looseObject({
    name: z.string().nullish(),
    head_branch: z.string().nullish(),
    conclusion: z.string().nullish(),
  }),
  workflow: z.looseObject({ name: z.string() }).nullish(),
});

export const workflowRunPayload = z.looseObject({
  action: z.string(),
  repository,
  workflow_run: z.looseObject({
    id: z.number().int(),
    name: z.string().nullish(),
    workflow_id: z.number().int(),
    head_branch: z.string().nullish(),
    head_sha: z.string().min(7),
    run_attempt: z.number().int().positive().default(1),
    run_started_at: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    conclusion: z.string().nullish(),
    html_url: z.url().optional(),
  }),
  workflow: z.looseObject({ name: z.string() }).nullish(),
});

export type MergedPullRequestPayload = z.infer<typeof mergedPullRequestPayload>;
export type DeploymentStatusPayload = z.infer<typeof deploymentStatusPayload>;
export type WorkflowRunPayload = z.infer<typeof workflowRunPayload>;

/** Parses a GitHub payload, or throws `InputError` naming the wrong fields. */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  payload: unknown,
  what: string,
): z.infer<S> {
  return parseWith(schema, payload, `GitHub ${what}`);
}
