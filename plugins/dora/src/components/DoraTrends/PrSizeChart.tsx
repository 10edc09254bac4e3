import { PrSizeBucket } from '@goldenpath/plugin-platform-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDurationText } from '../format';

export function describePrSizes(buckets: readonly PrSizeBucket[]): string {
  return `Median hours to merge by pull request size: ${buckets
    .map(
      b =>
        `${b.label} lines, ${b.changes} changes, ${formatDurationText(
          b.medianHoursToMerge,
        )}`,
    )
    .join('; ')}`;
}

/** Median time to merge per pull request size bucket. */
export function PrSizeChart(props: {
  buckets: readonly PrSizeBucket[];
  height?: number;
}) {
  const theme = useTheme();
  const { buckets, height = 200 } = props;
  if (buckets.every(b => b.changes === 0)) {
    return (
      <Typography variant="body2" color="textSecondary">
        No merged pull requests in this window.
      </Typography>
    );
  }
  const rows = buckets.map(b => ({ ...b }));
  return (
    <div
      role="figure"
      aria-label={describePrSizes(buckets)}
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            stroke={theme.palette.text.secondary}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            width={48}
            stroke={theme.palette.text.secondary}
            tick={{ fontSize: 12 }}
            tickFormatter={(value: number) => `${value} h`}
          />
          <Tooltip
            labelFormatter={(label: unknown) =>
              `${String(label)} lines changed`
            }
            formatter={(
              value: unknown,
              _name: unknown,
              item: { payload?: { changes?: number } },
            ) => [
              `${
                typeof value === 'number'
                  ? formatDurationText(value)
                  : 'no data'
              } (${item?.payload?.changes ?? 0} changes)`,
              'Median time to merge',
            ]}
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          <Bar
            dataKey="medianHoursToMerge"
            name="Median time to merge"
            fill={theme.palette.secondary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
