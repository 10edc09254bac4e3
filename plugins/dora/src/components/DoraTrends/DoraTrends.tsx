import { InfoCard } from '@backstage/core-components';
import { DoraMetricsResponse } from '@goldenpath/plugin-platform-common';
import { WeeklyTrendChart } from '@goldenpath/plugin-platform-react';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { formatDurationText, formatNumber, formatPercent } from '../format';
import { PrSizeChart } from './PrSizeChart';

const hoursTick = (hours: number) => `${Math.round(hours)} h`;

function ChartCard(props: {
  title: string;
  subheader?: string;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} md={6}>
      <InfoCard title={props.title} subheader={props.subheader}>
        {props.children}
      </InfoCard>
    </Grid>
  );
}

/** The weekly trends (deployments first: the north star) and PR size versus time to merge. */
export function DoraTrends(props: {
  weekly: DoraMetricsResponse['weekly'];
  prSizeVsMergeTime: DoraMetricsResponse['prSizeVsMergeTime'];
}) {
  const { weekly, prSizeVsMergeTime } = props;
  const series = (pick: (week: (typeof weekly)[number]) => number | null) =>
    weekly.map(week => ({ weekStart: week.weekStart, value: pick(week) }));
  return (
    <Grid container spacing={2}>
      <ChartCard
        title="Successful deployments per week"
        subheader="The north star: small, frequent, successful deployments"
      >
        <WeeklyTrendChart
          title="Successful deployments per week"
          variant="bar"
          data={series(w => w.deployments)}
          formatValue={v => formatNumber(v)}
        />
      </ChartCard>
      <ChartCard title="Lead time for changes" subheader="Weekly median">
        <WeeklyTrendChart
          title="Lead time median"
          data={series(w => w.leadTimeMedianHours)}
          formatValue={formatDurationText}
          formatTick={hoursTick}
          emptyText="No commits were shipped in this window."
        />
      </ChartCard>
      <ChartCard title="Change failure rate" subheader="Per week">
        <WeeklyTrendChart
          title="Change failure rate"
          data={series(w => w.changeFailureRate)}
          formatValue={v => formatPercent(v)}
          formatTick={v => formatPercent(v, 0)}
          axisMax={0.25}
          emptyText="No deployments in this window."
        />
      </ChartCard>
      <ChartCard
        title="Failed deployment recovery time"
        subheader="Weekly median"
      >
        <WeeklyTrendChart
          title="Recovery time median"
          variant="bar"
          data={series(w => w.recoveryMedianHours)}
          formatValue={formatDurationText}
          formatTick={hoursTick}
          emptyText="No incidents were resolved in this window."
        />
      </ChartCard>
      <ChartCard
        title="Pull request size vs time to merge"
        subheader="Median hours from opening to merge, by lines changed"
      >
        <PrSizeChart buckets={prSizeVsMergeTime} />
      </ChartCard>
    </Grid>
  );
}
