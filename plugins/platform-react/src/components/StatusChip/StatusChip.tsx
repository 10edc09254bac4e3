import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/** @public */
export type Status = 'ok' | 'warning' | 'error' | 'unknown';

/** @public */
export interface StatusChipProps {
  status: Status;
  /** The chip's text; defaults to OK, Warning, Error or Unknown. */
  label?: string;
  /** The tooltip and accessible description; defaults to "Status: <label>". */
  title?: string;
  size?: 'small' | 'medium';
}

/** Default texts of the statuses. @public */
export const STATUS_LABELS: Record<Status, string> = {
  ok: 'OK',
  warning: 'Warning',
  error: 'Error',
  unknown: 'Unknown',
};

function statusColor(theme: Theme, status: Status): string | undefined {
  switch (status) {
    case 'ok':
      return theme.palette.success.main;
    case 'warning':
      return theme.palette.warning.main;
    case 'error':
      return theme.palette.error.main;
    default:
      return undefined;
  }
}

const useStyles = makeStyles<Theme, { status: Status }>(theme => ({
  chip: ({ status }) => {
    const color = statusColor(theme, status);
    return color
      ? {
          backgroundColor: color,
          color: theme.palette.getContrastText(color),
          fontWeight: theme.typography.fontWeightBold as number,
          margin: 0,
        }
      : { margin: 0 };
  },
}));

/**
 * A status (ok, warning, error, unknown) as a coloured chip: a canary check,
 * a rollout analysis, a source's health. Unknown is an outlined grey chip, so
 * a missing answer never looks like a good one.
 *
 * @public
 */
export function StatusChip(props: StatusChipProps) {
  const { status } = props;
  const classes = useStyles({ status });
  const label = props.label ?? STATUS_LABELS[status];
  return (
    <Chip
      className={classes.chip}
      size={props.size ?? 'small'}
      variant={status === 'unknown' ? 'outlined' : 'default'}
      title={props.title ?? `Status: ${label}`}
      data-status={status}
      label={label}
    />
  );
}
