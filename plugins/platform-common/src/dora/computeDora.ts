import type { DoraComputation, DoraInput } from './computationTypes';
import { changeDetails, deploymentDetails, incidentDetails } from './details';
import { failedDeployments, linkIncidents } from './incidentLinks';
import { leadTimeSamples } from './leadTime';
import { prSizeVsMergeTime } from './prSize';
import { incidentRecoveries } from './recovery';
import { buildShippingLedger } from './shipping';
import {
  changeFailureRate,
  deploymentFrequency,
  leadTime,
  recoveryTime,
  reworkRate,
} from './summary';
import { isInWindow, parseWindow } from '../time/utc';
import type { DoraOptions } from './types';
import { weeklySeries } from './weekly';

/**
 * The DORA numbers for `[options.from, options.to)` in `options.environment`.
 * Pure: the rows in, the numbers out; definitions in docs/metrics.md. For a
 * group roll-up pass the union of the components' rows.
 *
 * @public
 */
export function computeDora(
  input: DoraInput,
  options: DoraOptions,
): DoraComputation {
  const window = parseWindow(options);
  const ledger = buildShippingLedger(
    input.deployments,
    input.changes,
    options.environment,
  );
  const links = linkIncidents(input.incidents, ledger);
  const failed = failedDeployments(ledger, links);

  const deployments = ledger.deployments.filter(d =>
    isInWindow(d.finishedMs, window),
  );
  const deploymentSet = new Set(deployments);
  const runs = input.deployments.filter(
    row =>
      row.environment === options.environment &&
      isInWindow(Date.parse(row.finishedAt), window),
  );
  const samples = leadTimeSamples(
    deploymentSet,
    input.changes,
    ledger,
    options,
  );
  const recoveries = incidentRecoveries(
    input.incidents,
    links,
    deploymentSet,
    window,
  );
  const windowChanges = input.changes.filter(change =>
    isInWindow(Date.parse(change.mergedAt), window),
  );

  return {
    summary: {
      deploymentFrequency: deploymentFrequency(
        deployments,
        runs.length > 0,
        window,
        options.tierModel,
      ),
      leadTime: leadTime(samples, options.tierModel),
      changeFailureRate: changeFailureRate(
        deployments,
        failed,
        options.tierModel,
      ),
      recoveryTime: recoveryTime(recoveries, options.tierModel),
      reworkRate: reworkRate(deployments),
    },
    weekly: weeklySeries({
      window,
      deployments,
      failed,
      leadTimeSamples: samples,
      recoveries,
    }),
    prSizeVsMergeTime: prSizeVsMergeTime(windowChanges),
    deployments: deploymentDetails(runs, ledger, links, failed),
    changes: changeDetails(windowChanges, input.changes, ledger, options),
    incidents: incidentDetails(recoveries),
    inputs: {
      deployments: deployments.length,
      changes: windowChanges.length,
      incidents: recoveries.length,
      failedRuns: runs.length - deployments.length,
    },
  };
}
