import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryRunItem } from '../../api/types';
import { formatDateTime, plural } from '../format';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 2), paddingLeft: theme.spacing(2.5) },
  log: {
    margin: 0,
    padding: theme.spacing(1),
    maxHeight: 240,
    overflow: 'auto',
    fontSize: 12,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

interface SavedError {
  message: string;
  runs: number;
  latest: string;
}

/** Distinct error messages of the runs, most recent first, with how often. */
export function distinctErrors(runs: readonly CanaryRunItem[]): SavedError[] {
  const byMessage = new Map<string, SavedError>();
  // Runs come newest first, so the first sighting is the latest.
  for (const run of runs) {
    for (const message of run.errors) {
      const seen = byMessage.get(message);
      if (seen) seen.runs += 1;
      else byMessage.set(message, { message, runs: 1, latest: run.startedAt });
    }
  }
  return [...byMessage.values()];
}

/**
 * What the probe said when it did not pass: the distinct errors of the runs
 * shown, and the log tail saved with the latest run that has one.
 */
export function SavedErrors(props: { runs: readonly CanaryRunItem[] }) {
  const classes = useStyles();
  const errors = distinctErrors(props.runs);
  const withLog = props.runs.find(r => r.logTail && r.logTail.length > 0);
  if (errors.length === 0 && !withLog) {
    return (
      <Typography variant="body2" color="textSecondary">
        No errors in these runs.
      </Typography>
    );
  }
  return (
    <section aria-label="Saved errors">
      {errors.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            Saved errors
          </Typography>
          <ul className={classes.list}>
            {errors.map(error => (
              <li key={error.message}>
                <Typography variant="body2">
                  <code>{error.message}</code>{' '}
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                  >
                    {`${plural(error.runs, 'run')}, latest ${formatDateTime(
                      error.latest,
                    )}`}
                  </Typography>
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {withLog && (
        <>
          <Typography variant="subtitle2" component="h3">
            Log tail of the {withLog.outcome} at{' '}
            {formatDateTime(withLog.startedAt)}
          </Typography>
          <pre className={classes.log} aria-label="Log tail">
            {withLog.logTail!.join('\n')}
          </pre>
        </>
      )}
    </section>
  );
}
