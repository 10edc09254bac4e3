import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** One ISO week of a trend: Monday 00:00 UTC and its value. @public */
export interface WeeklyTrendPoint {
  weekStart: string;
  /** `null` when the week has no value (shown as a gap). */
  value: number | null;
}

/** @public */
export interface WeeklyTrendChartProps {
  /** What the series is; names the chart for screen readers and the tooltip. */
  title: string;
  data: readonly WeeklyTrendPoint[];
  /** Bars for counts (deployments per week), a line for medians and rates. Default line. */
  variant?: 'line' | 'bar';
  /** Formats values in the tooltip and the aria-label (and the axis, unless `formatTick`). */
  formatValue?: (value: number) => string;
  /** Formats the value axis ticks, when they need to be shorter than `formatValue`. */
  formatTick?: (value: number) => string;
  /** Height in pixels; the width follows the container. Default 200. */
  height?: number;
  /** Series colour; default the theme's primary colour. */
  color?: string;
  /** Overrides the generated accessible description. */
  ariaLabel?: string;
  /**
   * The value axis spans at least 0 to this (e.g. 1 for a rate), so a flat or
   * all-zero series is not stretched over an arbitrary range.
   */
  axisMax?: number;
  /** Shown instead of an empty chart when no week has a value. */
  emptyText?: string;
}

const shortDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const longDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

function formatWeek(weekStart: string, format: Intl.DateTimeFormat): string {
  const date = new Date(weekStart);
  return Number.isNaN(date.getTime()) ? weekStart : format.format(date);
}

const defaultFormat = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(1);

/**
 * Describes the series in words, for the chart's `aria-label`.
 *
 * @public
 */
export function describeWeeklyTrend(
  title: string,
  data: readonly WeeklyTrendPoint[],
  formatValue: (value: number) => string = defaultFormat,
): string {
  if (data.length === 0) {
    return `${title}: no weeks in this window`;
  }
  const first = formatWeek(data[0].weekStart, longDate);
  const last = data[data.length - 1];
  const latest = last.value === null ? 'no value' : formatValue(last.value);
  return `${title}: ${data.length} weeks from ${first} to ${formatWeek(
    last.weekStart,
    longDate,
  )}, latest week ${latest}`;
}

/**
 * A weekly series as a line or bar chart with date ticks and a tooltip.
 *
 * @public
 */
export function WeeklyTrendChart(props: WeeklyTrendChartProps) {
  const theme = useTheme();
  const {
    title,
    data,
    variant = 'line',
    formatValue = defaultFormat,
    formatTick = formatValue,
    height = 200,
    color = theme.palette.primary.main,
  } = props;
  const label =
    props.ariaLabel ?? describeWeeklyTrend(title, data, formatValue);

  if (data.length === 0 || data.every(point => point.value === null)) {
    return (
      <Typography variant="body2" color="textSecondary">
        {data.length === 0
          ? 'No weeks in this window.'
          : props.emptyText ?? 'No values in this window.'}
      </Typography>
    );
  }

  const rows = data.map(point => ({ ...point }));
  const axisProps = {
    stroke: theme.palette.text.secondary,
    tick: { fontSize: 12 },
  };
  const common = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis
      key="x"
      dataKey="weekStart"
      tickFormatter={(value: string) => formatWeek(value, shortDate)}
      minTickGap={16}
      {...axisProps}
    />,
    <YAxis
      key="y"
      width={48}
      allowDecimals
      domain={[
        0,
        (dataMax: number) => Math.max(dataMax, props.axisMax ?? 0, 1e-9),
      ]}
      tickFormatter={(value: number) => formatTick(value)}
      {...axisProps}
    />,
    <Tooltip
      key="tooltip"
      labelFormatter={(value: unknown) =>
        `Week of ${formatWeek(String(value), longDate)}`
      }
      formatter={(value: unknown) =>
        typeof value === 'number' ? formatValue(value) : 'no data'
      }
      contentStyle={{
        backgroundColor: theme.palette.background.paper,
        borderColor: theme.palette.divider,
        color: theme.palette.text.primary,
      }}
    />,
  ];

  return (
    <div role="figure" aria-label={label} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height={height}>
        {variant === 'bar' ? (
          <BarChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            {common}
            <Bar
              dataKey="value"
              name={title}
              fill={color}
              isAnimationActive={false}
            />
          </BarChart>
        ) : (
          <LineChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            {common}
            <Line
              dataKey="value"
              name={title}
              type="monotone"
              stroke={color}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
