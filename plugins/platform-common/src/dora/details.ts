/** Drill-down rows: what each deployment, change and incident was counted as. */
import type { IncidentLinks } from './incidentLinks';
import { commitLeadTimes, commitTimes, leadTimeHours } from './leadTime';
import { hoursToMerge } from './prSize';
import { median } from '../stats/quantile';
import type { IncidentRecovery } from './recovery';
import type { ShippedDeployment, ShippingLedger } from './shipping';
import { toIso } from '../time/utc';
import type {
  DoraChangeDetail,
  DoraChangeRow,
  DoraDeploymentDetail,
  DoraDeploymentRow,
  DoraIncidentDetail,
  DoraOptions,
} from './types';

/** Newest first; ties by id, descending, so the order does not depend on the input's. */
function newestFirst<T>(
  timeOf: (item: T) => string,
  idOf: (item: T) => string | number,
) {
  return (a: T, b: T): number => {
    const byTime = Date.parse(timeOf(b)) - Date.parse(timeOf(a));
    if (byTime !== 0) {
      return byTime;
    }
    if (idOf(a) === idOf(b)) {
      return 0;
    }
    return idOf(a) < idOf(b) ? 1 : -1;
  };
}

export function deploymentDetails(
  runs: DoraDeploymentRow[],
  ledger: ShippingLedger,
  links: IncidentLinks,
  failed: Set<ShippedDeployment>,
): DoraDeploymentDetail[] {
  return runs
    .map(row => {
      const deployment = ledger.forRow(row);
      return {
        ...row,
        countsAsDeployment: deployment !== undefined,
        shippedShas: deployment ? [...deployment.shippedShas] : [],
        failed: deployment ? failed.has(deployment) : false,
        incidentIds: deployment
          ? links.incidentsOf(deployment).map(i => i.incidentId)
          : [],
      };
    })
    .sort(
      newestFirst(
        d => d.finishedAt,
        // entityRef breaks ties between components of a roll-up with one id
        // ('\n' sorts before any character an id may hold)
        d => `${d.deploymentId}\n${d.entityRef}`,
      ),
    );
}

export function changeDetails(
  windowChanges: DoraChangeRow[],
  allChanges: DoraChangeRow[],
  ledger: ShippingLedger,
  options: Pick<DoraOptions, 'leadTimeStart' | 'excludeWeekends'>,
): DoraChangeDetail[] {
  const times = commitTimes(allChanges);
  const leadTimeOf = (change: DoraChangeRow, deployment: ShippedDeployment) => {
    if (options.leadTimeStart === 'merge') {
      return (
        leadTimeHours(
          Date.parse(change.mergedAt),
          deployment.finishedMs,
          options.excludeWeekends,
        ) ?? null
      );
    }
    const shippedHere = change.commits
      .map(commit => commit.sha)
      .filter(
        sha => ledger.firstShipmentOf(change.entityRef, sha) === deployment,
      );
    return median(
      commitLeadTimes(deployment, shippedHere, times, options.excludeWeekends),
    );
  };

  return windowChanges
    .map(change => {
      const deployment = ledger.firstShipmentOfChange(change);
      return {
        ...change,
        deploymentId: deployment?.row.deploymentId ?? null,
        deployedAt: deployment?.row.finishedAt ?? null,
        leadTimeHours: deployment ? leadTimeOf(change, deployment) : null,
        hoursToMerge: hoursToMerge(change),
      };
    })
    .sort(
      newestFirst(
        c => c.mergedAt,
        c => c.prNumber,
      ),
    );
}

export function incidentDetails(
  recoveries: IncidentRecovery[],
): DoraIncidentDetail[] {
  return recoveries
    .map(({ incident, impactStartedMs, hours }) => ({
      ...incident,
      recoveryHours: hours,
      impactStartedAt: toIso(impactStartedMs),
    }))
    .sort(
      newestFirst(
        i => i.openedAt,
        i => i.incidentId,
      ),
    );
}
