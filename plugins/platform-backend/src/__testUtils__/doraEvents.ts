import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';

const repo = { kind: 'repository', name: 'acme/payments-api' } as const;
const sha = (n: number) => `${n}`.padStart(7, 'a') + 'b'.repeat(33);

/** A change with one commit, merged an hour after the commit. */
export function change(
  n: number,
  committedAt: string,
  mergedAt: string,
): CanonicalEventInput {
  return {
    id: `pr-${n}`,
    source: 'test-github',
    type: 'change.merged',
    occurredAt: mergedAt,
    subject: repo,
    data: {
      repository: 'acme/payments-api',
      prNumber: n,
      mergeSha: sha(n),
      commits: [{ sha: sha(n), committedAt }],
      openedAt: committedAt,
      mergedAt,
      additions: 10 * n,
      deletions: n,
    },
  };
}

export function deployment(
  id: string,
  finishedAt: string,
  shipped: number[],
  extra: Record<string, unknown> = {},
): CanonicalEventInput {
  const started = new Date(Date.parse(finishedAt) - 10 * 60_000).toISOString();
  return {
    id,
    source: 'test-deployer',
    type: 'deployment.finished',
    occurredAt: finishedAt,
    subject: repo,
    data: {
      deploymentId: id,
      environment: 'production',
      sha: sha(shipped[shipped.length - 1] ?? 0),
      status: 'success',
      startedAt: started,
      finishedAt,
      changeShas: shipped.map(sha),
      ...extra,
    },
  } as CanonicalEventInput;
}

export function incident(
  id: string,
  openedAt: string,
  causedBy: string,
  resolvedAt?: string,
): CanonicalEventInput[] {
  const base = {
    source: 'test-incidents',
    subject: repo,
    data: {
      incidentId: id,
      severity: 'SEV2',
      openedAt,
      causedByDeploymentId: causedBy,
    },
  };
  const opened = {
    ...base,
    id: `${id}/opened`,
    type: 'incident.opened',
    occurredAt: openedAt,
  } as CanonicalEventInput;
  if (!resolvedAt) return [opened];
  return [
    opened,
    {
      ...base,
      id: `${id}/resolved`,
      type: 'incident.resolved',
      occurredAt: resolvedAt,
      data: { ...base.data, resolvedAt },
    } as CanonicalEventInput,
  ];
}

/**
 * Two weeks for payments-api: 3 changes, 3 deployments (d2 also re-lists pr-1),
 * one failed run, one incident caused by d2 and resolved after 2 hours.
 */
export const doraHistory: CanonicalEventInput[] = [
  change(1, '2026-11-02T08:00:00Z', '2026-11-02T09:00:00Z'),
  change(2, '2026-11-03T08:00:00Z', '2026-11-03T09:00:00Z'),
  change(3, '2026-11-04T08:00:00Z', '2026-11-04T09:00:00Z'),
  deployment('d1', '2026-11-02T10:00:00Z', [1]),
  deployment('d2', '2026-11-03T12:00:00Z', [1, 2]),
  deployment('d2b', '2026-11-04T11:00:00Z', [3], { status: 'failure' }),
  deployment('d3', '2026-11-04T12:00:00Z', [3]),
  ...incident('inc-1', '2026-11-03T13:00:00Z', 'd2', '2026-11-03T15:00:00Z'),
];
