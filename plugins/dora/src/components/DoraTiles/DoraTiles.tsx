import { DoraMetricKey, DoraTier } from '@goldenpath/plugin-platform-common';
import { MetricTile } from '@goldenpath/plugin-platform-react';
import Grid from '@material-ui/core/Grid';
import { METRIC_TITLES } from '../definitions';
import {
  formatDuration,
  formatDurationText,
  formatNumber,
  plural,
} from '../format';
import { FactsInput, metricFacts } from './facts';
import { TileExplanation } from './TileExplanation';

export type DoraTilesProps = FactsInput;

const DAY_MS = 24 * 60 * 60 * 1000;

function windowDays(from: string, to: string): number {
  return Math.round(
    (new Date(to).getTime() - new Date(from).getTime()) / DAY_MS,
  );
}

/** The four DORA metrics as tiles, with changes versus the previous period when known. */
export function DoraTiles(props: DoraTilesProps) {
  const { summary, previous, options } = props;
  const days = windowDays(options.from, options.to);
  const comparedTo = `previous ${days} days`;
  const { deploymentFrequency: df, leadTime: lt } = summary;
  const { changeFailureRate: cfr, recoveryTime: rt } = summary;
  const leadTime = formatDuration(lt.medianHours);
  const recovery = formatDuration(rt.medianHours);

  const explain = (metric: DoraMetricKey, tier: DoraTier | null) => (
    <TileExplanation
      metric={metric}
      options={options}
      tier={tier}
      facts={metricFacts(metric, props)}
    />
  );

  return (
    <Grid container spacing={2} alignItems="stretch">
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title={METRIC_TITLES.deploymentFrequency}
          value={formatNumber(df.perWeek)}
          unit="/week"
          tier={df.tier}
          subtitle={`${plural(df.deployments, 'deployment')} in ${days} days`}
          change={
            previous && {
              current: df.perWeek,
              previous: previous.deploymentFrequency.perWeek,
              higherIsBetter: true,
              format: d => `${formatNumber(d)}/week`,
              comparedTo,
            }
          }
        >
          {explain('deploymentFrequency', df.tier)}
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title={METRIC_TITLES.leadTime}
          value={leadTime.value}
          unit={leadTime.unit}
          tier={lt.tier}
          subtitle={`p90 ${formatDurationText(lt.p90Hours)}`}
          change={
            previous && {
              current: lt.medianHours,
              previous: previous.leadTime.medianHours,
              higherIsBetter: false,
              format: formatDurationText,
              comparedTo,
            }
          }
        >
          {explain('leadTime', lt.tier)}
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title={METRIC_TITLES.changeFailureRate}
          value={cfr.rate === null ? '–' : formatNumber(cfr.rate * 100)}
          unit={cfr.rate === null ? undefined : '%'}
          tier={cfr.tier}
          subtitle={`${cfr.failed} of ${plural(
            cfr.deployments,
            'deployment',
          )} failed`}
          change={
            previous && {
              current: cfr.rate,
              previous: previous.changeFailureRate.rate,
              higherIsBetter: false,
              format: d => `${formatNumber(d * 100)} pp`,
              comparedTo,
            }
          }
        >
          {explain('changeFailureRate', cfr.tier)}
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title={METRIC_TITLES.recoveryTime}
          value={recovery.value}
          unit={recovery.unit}
          tier={rt.tier}
          subtitle={`${plural(rt.open, 'open incident')}, ${
            rt.resolved
          } resolved`}
          change={
            previous && {
              current: rt.medianHours,
              previous: previous.recoveryTime.medianHours,
              higherIsBetter: false,
              format: formatDurationText,
              comparedTo,
            }
          }
        >
          {explain('recoveryTime', rt.tier)}
        </MetricTile>
      </Grid>
    </Grid>
  );
}
