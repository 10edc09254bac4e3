import { useTheme } from '@material-ui/core/styles';
import { Theme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CanaryOutcome } from '@goldenpath/plugin-platform-common';
import { CanaryRunItem } from '../../api/types';
import {
  formatDateTime,
  formatDuration,
  formatDurationTick,
  formatShortTime,
} from '../format';

function outcomeColor(theme: Theme, outcome: CanaryOutcome): string {
  switch (outcome) {
    case 'pass':
      return theme.palette.success.main;
    case 'error':
      return theme.palette.grey[400];
    default:
      return theme.palette.error.main;
  }
}

/** The chart in words: how many runs, the slowest and the median. */
export function describeDurations(runs: readonly CanaryRunItem[]): string {
  if (runs.length === 0) return 'Run durations: no runs';
  const sorted = runs.map(r => r.durationMs).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const slowest = runs.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  return `Run durations of the latest ${
    runs.length
  } runs: median ${formatDuration(median)}, slowest ${formatDuration(
    slowest.durationMs,
  )} (${slowest.outcome} at ${formatDateTime(slowest.startedAt)})`;
}

/** Each run's duration, oldest left, coloured by outcome. */
export function DurationChart(props: { runs: readonly CanaryRunItem[] }) {
  const theme = useTheme();
  const data = [...props.runs].reverse().map(run => ({
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    outcome: run.outcome,
  }));
  const axis = { stroke: theme.palette.text.secondary, tick: { fontSize: 12 } };
  return (
    <div
      role="figure"
      aria-label={describeDurations(props.runs)}
      style={{ width: '100%', height: 200 }}
    >
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="startedAt"
            tickFormatter={(value: string) => formatShortTime(value)}
            minTickGap={24}
            {...axis}
          />
          <YAxis
            width={64}
            tickFormatter={(value: number) => formatDurationTick(value)}
            {...axis}
          />
          <Tooltip
            labelFormatter={(value: unknown) => formatDateTime(String(value))}
            formatter={(value: unknown) =>
              typeof value === 'number' ? formatDuration(value) : String(value)
            }
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              borderColor: theme.palette.divider,
              color: theme.palette.text.primary,
            }}
          />
          <Bar dataKey="durationMs" name="Duration" isAnimationActive={false}>
            {data.map(point => (
              <Cell
                key={point.startedAt}
                fill={outcomeColor(theme, point.outcome)}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
