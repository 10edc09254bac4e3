import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { Status } from '../StatusChip';

/** One bar: its height value, the status that colours it, and what it says. @public */
export interface SparkBar {
  /** Scaled against the largest value; a bar of 0 still shows as a sliver. */
  value: number;
  status: Status;
  /** The bar's tooltip, e.g. "Nov 20 10:05 · fail · 1.2 s". */
  label: string;
}

/** @public */
export interface SparkBarsProps {
  bars: readonly SparkBar[];
  /** Names the whole sparkline for screen readers, e.g. "Last 30 runs: 28 pass, 2 fail". */
  label: string;
  /**
   * The number of places to draw; fewer bars are right-aligned (the newest
   * last), so sparklines side by side line up. Default the bars' count.
   */
  slots?: number;
  /** Pixels. Default 90 × 20. */
  width?: number;
  height?: number;
}

function barColor(theme: Theme, status: Status): string {
  switch (status) {
    case 'ok':
      return theme.palette.success.main;
    case 'warning':
      return theme.palette.warning.main;
    case 'error':
      return theme.palette.error.main;
    default:
      return theme.palette.grey[400];
  }
}

const useStyles = makeStyles({ svg: { display: 'block', flexShrink: 0 } });

const MIN_BAR_HEIGHT = 2;

/**
 * A small bar sparkline, one bar per item coloured by its status (a check's
 * latest runs by outcome, for example), drawn as inline SVG so dozens fit in
 * one table without a chart library's cost.
 *
 * @public
 */
export function SparkBars(props: SparkBarsProps) {
  const { bars, label, width = 90, height = 20 } = props;
  const theme = useTheme();
  const classes = useStyles();
  const slots = Math.max(props.slots ?? bars.length, bars.length, 1);
  const slotWidth = width / slots;
  const gap = slotWidth > 3 ? 1 : 0;
  const max = Math.max(0, ...bars.map(b => b.value));
  const offset = slots - bars.length;
  return (
    <svg
      className={classes.svg}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      {bars.map((bar, index) => {
        const barHeight =
          max > 0
            ? Math.max(MIN_BAR_HEIGHT, (bar.value / max) * height)
            : MIN_BAR_HEIGHT;
        return (
          <rect
            key={index}
            data-status={bar.status}
            x={(offset + index) * slotWidth}
            y={height - barHeight}
            width={Math.max(1, slotWidth - gap)}
            height={barHeight}
            fill={barColor(theme, bar.status)}
          >
            <title>{bar.label}</title>
          </rect>
        );
      })}
    </svg>
  );
}
