import { InfoCard } from '@backstage/core-components';
import { DailyStackedBarChart } from '@goldenpath/plugin-platform-react';
import { useTheme } from '@material-ui/core/styles';
import { CostSummary } from '../../api/types';
import { formatMoney } from '../format';

/**
 * Cost per UTC day, stacked: CPU, memory and, when idle is shared back, the
 * shared idle on top.
 */
export function CostTrend(props: { summary: CostSummary; title?: string }) {
  const { summary } = props;
  const theme = useTheme();
  const code = summary.currency.code;
  const series = [
    { key: 'cpuCost', label: 'CPU', color: theme.palette.primary.main },
    { key: 'memoryCost', label: 'Memory', color: theme.palette.secondary.main },
    ...(summary.options.idleShared
      ? [
          {
            key: 'sharedIdleCost',
            label: 'Shared idle',
            color: theme.palette.grey[500],
          },
        ]
      : []),
  ];
  const data = summary.days.map(day => ({
    day: day.day,
    values: {
      cpuCost: day.cpuCost,
      memoryCost: day.memoryCost,
      sharedIdleCost: day.sharedIdleCost,
    },
  }));
  return (
    <InfoCard title={props.title ?? 'Daily cost'}>
      <DailyStackedBarChart
        title="Daily cost"
        data={data}
        series={series}
        formatValue={value => formatMoney(value, code)}
        emptyText="No days in this window."
      />
    </InfoCard>
  );
}
