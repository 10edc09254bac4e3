import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** One UTC day of a stacked series: the day and each series' value. @public */
export interface DailyStackPoint {
  /** `YYYY-MM-DD` (a UTC day) or an ISO timestamp at its start. */
  day: string;
  values: Readonly<Record<string, number>>;
}

/** One layer of the stack. @public */
export interface DailyStackSeries {
  /** Key into each point's `values`. */
  key: string;
  label: string;
  /** Fill colour; default a theme colour by position. */
  color?: string;
}

/** @public */
export interface DailyStackedBarChartProps {
  /** What the chart shows; names it for screen readers. */
  title: string;
  data: readonly DailyStackPoint[];
  /** Bottom layer first. */
  series: readonly DailyStackSeries[];
  /** Formats values in the tooltip and the aria-label (and the axis, unless `formatTick`). */
  formatValue?: (value: number) => string;
  formatTick?: (value: number) => string;
  /** Height in pixels; the width follows the container. Default 240. */
  height?: number;
  /** Shown instead of the chart when there are no days. */
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

function formatDay(day: string, format: Intl.DateTimeFormat): string {
  const date = new Date(day.length === 10 ? `${day}T00:00:00.000Z` : day);
  return Number.isNaN(date.getTime()) ? day : format.format(date);
}

const defaultFormat = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(2);

function stackTotal(
  point: DailyStackPoint,
  series: readonly DailyStackSeries[],
): number {
  return series.reduce((sum, s) => sum + (point.values[s.key] ?? 0), 0);
}

/**
 * Describes the stack in words, for the chart's `aria-label`: the days, the
 * sum of each series over them and the latest day's total.
 *
 * @public
 */
export function describeDailyStack(
  title: string,
  data: readonly DailyStackPoint[],
  series: readonly DailyStackSeries[],
  formatValue: (value: number) => string = defaultFormat,
): string {
  if (data.length === 0) {
    return `${title}: no days in this window`;
  }
  const sums = series.map(
    s =>
      `${s.label} ${formatValue(
        data.reduce((sum, point) => sum + (point.values[s.key] ?? 0), 0),
      )}`,
  );
  const last = data[data.length - 1];
  return `${title}: ${data.length} days from ${formatDay(
    data[0].day,
    longDate,
  )} to ${formatDay(last.day, longDate)}; ${sums.join(
    ', ',
  )}; latest day ${formatValue(stackTotal(last, series))}`;
}

/**
 * Daily values as stacked bars (e.g. CPU, memory and idle cost per day),
 * with date ticks, a legend and a tooltip.
 *
 * @public
 */
export function DailyStackedBarChart(props: DailyStackedBarChartProps) {
  const theme = useTheme();
  const {
    title,
    data,
    series,
    formatValue = defaultFormat,
    formatTick = formatValue,
    height = 240,
  } = props;

  if (data.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText ?? 'No days in this window.'}
      </Typography>
    );
  }

  const palette = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.grey[500],
    theme.palette.warning.main,
  ];
  const rows = data.map(point => ({ day: point.day, ...point.values }));
  const axisProps = {
    stroke: theme.palette.text.secondary,
    tick: { fontSize: 12 },
  };

  return (
    <div
      role="figure"
      aria-label={describeDailyStack(title, data, series, formatValue)}
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={(value: string) => formatDay(value, shortDate)}
            minTickGap={16}
            {...axisProps}
          />
          <YAxis
            width={64}
            tickFormatter={(value: number) => formatTick(value)}
            {...axisProps}
          />
          <Tooltip
            labelFormatter={(value: unknown) =>
              formatDay(String(value), longDate)
            }
            formatter={(value: unknown) =>
              typeof value === 'number' ? formatValue(value) : String(value)
            }
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          <Legend />
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="day"
              fill={s.color ?? palette[index % palette.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
