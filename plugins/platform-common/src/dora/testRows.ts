/** Builders for the hand-built DORA test data sets (tests only). */
import type { DoraInput } from './computationTypes';
import type {
  DoraChangeRow,
  DoraDeploymentRow,
  DoraIncidentRow,
  DoraOptions,
} from './types';

export const ENTITY = 'component:default/payments-api';

/** A successful production deployment that started ten minutes before it finished. */
export function deployment(
  deploymentId: string,
  finishedAt: string,
  overrides: Partial<DoraDeploymentRow> = {},
): DoraDeploymentRow {
  return {
    deploymentId,
    entityRef: ENTITY,
    environment: 'production',
    sha: `sha-${deploymentId}`,
    status: 'success',
    startedAt: new Date(Date.parse(finishedAt) - 10 * 60_000).toISOString(),
    finishedAt,
    changeShas: [],
    rollback: false,
    ...overrides,
  };
}

/** A merged pull request opened two hours before it merged, with mergeSha `merge-<prNumber>`. */
export function change(
  prNumber: number,
  mergedAt: string,
  commits: Array<[sha: string, committedAt: string]>,
  overrides: Partial<DoraChangeRow> = {},
): DoraChangeRow {
  return {
    entityRef: ENTITY,
    repository: 'acme/payments-api',
    prNumber,
    mergeSha: `merge-${prNumber}`,
    openedAt: new Date(Date.parse(mergedAt) - 2 * 3_600_000).toISOString(),
    mergedAt,
    additions: 5,
    deletions: 0,
    commits: commits.map(([sha, committedAt]) => ({ sha, committedAt })),
    labels: [],
    ...overrides,
  };
}

export function incident(
  incidentId: string,
  openedAt: string,
  overrides: Partial<DoraIncidentRow> = {},
): DoraIncidentRow {
  return {
    incidentId,
    entityRef: ENTITY,
    severity: 'SEV2',
    openedAt,
    ...overrides,
  };
}

export function rows(partial: Partial<DoraInput>): DoraInput {
  return { deployments: [], changes: [], incidents: [], ...partial };
}

/** Four whole ISO weeks: Monday 2 to Monday 30 November 2026 (28 days). */
export function options(overrides: Partial<DoraOptions> = {}): DoraOptions {
  return {
    from: '2026-11-02T00:00:00Z',
    to: '2026-11-30T00:00:00Z',
    environment: 'production',
    leadTimeStart: 'commit',
    excludeWeekends: false,
    tierModel: '2024',
    ...overrides,
  };
}
