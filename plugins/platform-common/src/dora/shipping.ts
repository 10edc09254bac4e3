/**
 * Which successful deployment shipped each commit first. Lead times, change
 * failure links and the drill-downs all read this one ledger.
 */
import { resolveCandidateShas, TimedChange } from './resolveCandidateShas';
import type { DoraChangeRow, DoraDeploymentRow } from './types';

/** A successful deployment in the environment, with what it shipped first. */
export interface ShippedDeployment {
  row: DoraDeploymentRow;
  /** Position in shipping order: finishedAt, then deploymentId. */
  order: number;
  startedMs: number;
  finishedMs: number;
  /** The same entity's deployment just before this one: what a rollback rolls back. */
  previous: ShippedDeployment | undefined;
  /** Shas no earlier deployment of the entity shipped. */
  shippedShas: string[];
}

export interface ShippingLedger {
  /** In shipping order. */
  deployments: ShippedDeployment[];
  forRow(row: DoraDeploymentRow): ShippedDeployment | undefined;
  /**
   * The entity's deployments with this id (one per source that used it). Ids
   * are only unique within an entity, like shas: a Group roll-up holds several
   * components whose deployment ids may coincide.
   */
  withId(entityRef: string, deploymentId: string): ShippedDeployment[];
  firstShipmentOf(
    entityRef: string,
    sha: string,
  ): ShippedDeployment | undefined;
  /** The first deployment that shipped the change's merge commit or any of its commits. */
  firstShipmentOfChange(change: DoraChangeRow): ShippedDeployment | undefined;
}

/**
 * Shas are only unique within a repository, and deployment ids within their
 * entity, so shipments and deployment ids are looked up per entity.
 */
export function shaKey(entityRef: string, sha: string): string {
  return `${entityRef}\n${sha}`;
}

function inShippingOrder(a: ShippedDeployment, b: ShippedDeployment): number {
  if (a.finishedMs !== b.finishedMs) {
    return a.finishedMs - b.finishedMs;
  }
  if (a.row.deploymentId === b.row.deploymentId) {
    return 0;
  }
  return a.row.deploymentId < b.row.deploymentId ? -1 : 1;
}

function changesByEntity(changes: DoraChangeRow[]): Map<string, TimedChange[]> {
  const byEntity = new Map<string, TimedChange[]>();
  for (const row of changes) {
    const list = byEntity.get(row.entityRef) ?? [];
    list.push({ row, mergedMs: Date.parse(row.mergedAt) });
    byEntity.set(row.entityRef, list);
  }
  return byEntity;
}

/** entity + merge sha -> the change's own commit shas. */
function commitsByMergeSha(changes: DoraChangeRow[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of changes) {
    map.set(
      shaKey(row.entityRef, row.mergeSha),
      row.commits.map(commit => commit.sha),
    );
  }
  return map;
}

/**
 * Shipping a merge commit ships the change's own commits too. Squash and rebase
 * merges put only the new merge commit on the branch, so a compare (or a
 * sender's list) names it and not the PR's commits, whose times lead time needs.
 */
function withMergedCommits(
  entityRef: string,
  shas: string[],
  commitsOfMerge: Map<string, string[]>,
): string[] {
  const out = new Set<string>();
  for (const sha of shas) {
    out.add(sha);
    for (const commit of commitsOfMerge.get(shaKey(entityRef, sha)) ?? []) {
      out.add(commit);
    }
  }
  return [...out];
}

export function buildShippingLedger(
  deploymentRows: DoraDeploymentRow[],
  changes: DoraChangeRow[],
  environment: string,
): ShippingLedger {
  const deployments: ShippedDeployment[] = deploymentRows
    .filter(row => row.environment === environment && row.status === 'success')
    .map(row => ({
      row,
      order: 0,
      startedMs: Date.parse(row.startedAt),
      finishedMs: Date.parse(row.finishedAt),
      previous: undefined,
      shippedShas: [],
    }))
    .sort(inShippingOrder);

  const changesOfEntity = changesByEntity(changes);
  const commitsOfMerge = commitsByMergeSha(changes);
  const firstShipments = new Map<string, ShippedDeployment>();
  const latestOfEntity = new Map<string, ShippedDeployment>();
  // A rollback resolves no commits, so the next deployment's commit range
  // starts where the last non-rollback one started: otherwise changes merged
  // between a bad deployment and its rollback would never be shipped.
  const latestForwardOfEntity = new Map<string, ShippedDeployment>();

  deployments.forEach((deployment, order) => {
    const { entityRef } = deployment.row;
    deployment.order = order;
    deployment.previous = latestOfEntity.get(entityRef);
    const candidates = resolveCandidateShas(
      deployment.row,
      deployment.startedMs,
      changesOfEntity.get(entityRef) ?? [],
      latestForwardOfEntity.get(entityRef)?.startedMs ?? -Infinity,
    );
    for (const sha of withMergedCommits(
      entityRef,
      candidates,
      commitsOfMerge,
    )) {
      const key = shaKey(entityRef, sha);
      if (!firstShipments.has(key)) {
        firstShipments.set(key, deployment);
        deployment.shippedShas.push(sha);
      }
    }
    latestOfEntity.set(entityRef, deployment);
    if (!deployment.row.rollback) {
      latestForwardOfEntity.set(entityRef, deployment);
    }
  });

  const byRow = new Map(deployments.map(d => [d.row, d]));
  const byId = new Map<string, ShippedDeployment[]>();
  for (const deployment of deployments) {
    const key = shaKey(deployment.row.entityRef, deployment.row.deploymentId);
    byId.set(key, [...(byId.get(key) ?? []), deployment]);
  }
  const firstShipmentOf = (entityRef: string, sha: string) =>
    firstShipments.get(shaKey(entityRef, sha));

  return {
    deployments,
    forRow: row => byRow.get(row),
    withId: (entityRef, deploymentId) =>
      byId.get(shaKey(entityRef, deploymentId)) ?? [],
    firstShipmentOf,
    firstShipmentOfChange: change =>
      [change.mergeSha, ...change.commits.map(commit => commit.sha)]
        .map(sha => firstShipmentOf(change.entityRef, sha))
        .reduce<ShippedDeployment | undefined>(
          (first, next) =>
            next && (!first || next.order < first.order) ? next : first,
          undefined,
        ),
  };
}
