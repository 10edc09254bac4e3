import {
  DoraMetricKey,
  DoraMetricsResponse,
  DoraOptions,
  DoraSummary,
} from '@goldenpath/plugin-platform-common';
import {
  formatDurationText,
  formatNumber,
  formatPercent,
  plural,
} from '../format';

export interface FactsInput {
  summary: DoraSummary;
  options: DoraOptions;
  previous?: DoraSummary;
  inputs?: DoraMetricsResponse['inputs'];
  /** For a Group: how many components were rolled up. */
  componentCount?: number;
}

/** The "computed from" lines of each tile's popover. */
export function metricFacts(
  metric: DoraMetricKey,
  input: FactsInput,
): string[] {
  const { summary, options, previous, inputs, componentCount } = input;
  const facts: string[] = [];
  switch (metric) {
    case 'deploymentFrequency': {
      const df = summary.deploymentFrequency;
      facts.push(
        `${plural(df.deployments, 'successful deployment')}: ${formatNumber(
          df.perWeek,
          2,
        )}/week, ${formatNumber(df.perDay, 2)}/day`,
        `Median ${formatNumber(
          df.medianDeploymentDaysPerWeek,
        )} deployment days per week`,
      );
      if (inputs) {
        facts.push(
          `${plural(
            inputs.deployments,
            'deployment event',
          )} in the window, ${plural(
            inputs.failedRuns,
            'failed run',
          )} (failed and cancelled runs are not deployments)`,
        );
      }
      if (previous) {
        facts.push(
          `Previous period: ${plural(
            previous.deploymentFrequency.deployments,
            'deployment',
          )}, ${formatNumber(previous.deploymentFrequency.perWeek, 2)}/week`,
        );
      }
      break;
    }
    case 'leadTime': {
      const lt = summary.leadTime;
      facts.push(
        `${plural(
          lt.samples,
          options.leadTimeStart === 'merge'
            ? 'merged change'
            : 'deployed commit',
        )} measured`,
        `Median ${formatDurationText(lt.medianHours)}, p90 ${formatDurationText(
          lt.p90Hours,
        )}`,
        `Starts at the ${
          options.leadTimeStart === 'merge' ? 'pull request merge' : 'commit'
        }; weekend time ${options.excludeWeekends ? 'left out' : 'included'}`,
      );
      if (inputs) {
        facts.push(`${plural(inputs.changes, 'merged change')} in the window`);
      }
      if (previous) {
        facts.push(
          `Previous period: median ${formatDurationText(
            previous.leadTime.medianHours,
          )} over ${previous.leadTime.samples} samples`,
        );
      }
      break;
    }
    case 'changeFailureRate': {
      const cfr = summary.changeFailureRate;
      facts.push(
        `${plural(cfr.deployments, 'deployment')}, ${
          cfr.failed
        } failed (linked to an incident or rolled back): ${formatPercent(
          cfr.rate,
        )}`,
      );
      if (inputs) {
        facts.push(`${plural(inputs.incidents, 'incident')} in the window`);
      }
      if (previous) {
        facts.push(
          `Previous period: ${previous.changeFailureRate.failed} of ${plural(
            previous.changeFailureRate.deployments,
            'deployment',
          )} (${formatPercent(previous.changeFailureRate.rate)})`,
        );
      }
      break;
    }
    case 'recoveryTime': {
      const rt = summary.recoveryTime;
      facts.push(
        `${plural(rt.resolved, 'incident')} resolved, ${rt.open} still open`,
        `Median ${formatDurationText(rt.medianHours)} over the resolved ones`,
      );
      if (inputs) {
        facts.push(`${plural(inputs.incidents, 'incident')} in the window`);
      }
      if (previous) {
        facts.push(
          `Previous period: median ${formatDurationText(
            previous.recoveryTime.medianHours,
          )} over ${plural(previous.recoveryTime.resolved, 'incident')}`,
        );
      }
      break;
    }
    default:
      break;
  }
  if (componentCount !== undefined) {
    facts.push(`Rolled up over ${plural(componentCount, 'component')}`);
  }
  return facts;
}
