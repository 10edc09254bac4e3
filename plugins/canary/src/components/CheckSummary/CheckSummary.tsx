import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { formatUptime } from '../format';
import { CheckBadges } from './CheckBadges';
import { CheckStatusChip } from './CheckStatusChip';
import { RunSparkline } from './RunSparkline';

const useStyles = makeStyles(theme => ({
  line: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  column: { display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) },
}));

/**
 * One check at a glance: status, latest runs, uptime in the window and its
 * badges. The matrix cells and the cluster table show it alike.
 */
export function CheckSummary(props: {
  check: CanaryStatusCheck;
  status: CanaryStatus;
}) {
  const { check, status } = props;
  const classes = useStyles();
  return (
    <div className={classes.column}>
      <div className={classes.line}>
        <CheckStatusChip display={check.display} />
        <RunSparkline runs={check.recent} />
      </div>
      <Typography variant="caption" color="textSecondary">
        {`${formatUptime(check.stats.uptime)} uptime`}
      </Typography>
      <CheckBadges check={check} status={status} />
    </div>
  );
}
