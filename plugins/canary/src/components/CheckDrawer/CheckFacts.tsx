import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { CAPABILITY_LABEL } from '../canaryStatus';
import { CheckBadges } from '../CheckSummary';
import { P95_DEFINITION, UPTIME_DEFINITION } from '../definitions';
import {
  formatAgo,
  formatDateTime,
  formatDuration,
  formatUptime,
} from '../format';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(0, 0, 1),
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0 },
}));

/** The check's state and numbers as label/value pairs. */
export function CheckFacts(props: {
  check: CanaryStatusCheck;
  status: CanaryStatus;
}) {
  const { check, status } = props;
  const classes = useStyles();
  const { stats } = check;
  // term, value and, where a word needs it, its definition
  const facts: [string, string, string?][] = [
    ['Capability', CAPABILITY_LABEL[check.capability]],
    [
      'State',
      check.since
        ? `${check.state} since ${formatDateTime(check.since)}`
        : check.state,
    ],
    [
      `Uptime (${status.window.key})`,
      formatUptime(stats.uptime),
      UPTIME_DEFINITION,
    ],
    [
      `p95 duration (${status.window.key})`,
      formatDuration(stats.p95DurationMs),
      P95_DEFINITION,
    ],
    [
      'Results in window',
      `${stats.passes} passed, ${stats.failures} failed, ${stats.errors} errors, ${stats.maintenanceRuns} in maintenance`,
    ],
    ['Runs every', formatDuration(check.intervalMs)],
    [
      'Last run',
      check.lastRunAt
        ? `${formatAgo(check.lastRunAt, status.generatedAt)} (${
            check.lastOutcome ?? '–'
          })`
        : 'never',
    ],
  ];
  return (
    <>
      <dl className={classes.facts}>
        {facts.map(([term, value, definition]) => (
          <div key={term} style={{ display: 'contents' }}>
            <Typography
              component="dt"
              variant="body2"
              className={classes.term}
              title={definition}
            >
              {term}
            </Typography>
            <Typography
              component="dd"
              variant="body2"
              className={classes.value}
            >
              {value}
            </Typography>
          </div>
        ))}
      </dl>
      <CheckBadges check={check} status={status} />
    </>
  );
}
