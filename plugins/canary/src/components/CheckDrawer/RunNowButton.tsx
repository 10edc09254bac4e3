import { platformCanaryRunPermission } from '@goldenpath/plugin-platform-common';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { describeRunNowError, useRunNow } from '../../hooks/useRunNow';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
}));

export const RUN_NOW_DENIED =
  'Running a check needs the platform.canary.run permission, which you do not have.';

/**
 * "Run now": asks the backend's runner to run the check once, off schedule.
 * Offered only with the `platform.canary.run` permission (the backend checks
 * it again); its refusals (403, 501, 404) are said in words.
 */
export function RunNowButton(props: {
  target: SelectedCheck;
  /** Reloads the runs, once the manual run had time to arrive. */
  onRefresh(): void;
}) {
  const { target, onRefresh } = props;
  const classes = useStyles();
  const permission = usePermission({ permission: platformCanaryRunPermission });
  const [request, run] = useRunNow(target);
  const denied = !permission.loading && !permission.allowed;

  let tooltip = '';
  if (permission.loading) tooltip = 'Checking whether you may run checks…';
  else if (denied) tooltip = RUN_NOW_DENIED;

  return (
    <div className={classes.root}>
      <Tooltip title={tooltip}>
        {/* A disabled button fires no events; the span keeps the tooltip. */}
        <span>
          <Button
            variant="contained"
            color="primary"
            startIcon={<PlayArrowIcon />}
            disabled={permission.loading || denied || request.loading}
            onClick={() => run()}
          >
            {request.loading ? 'Starting…' : 'Run now'}
          </Button>
        </span>
      </Tooltip>
      {request.error && (
        <Typography variant="body2" color="error" role="alert">
          {describeRunNowError(request.error)}
        </Typography>
      )}
      {request.value && !request.loading && (
        <Typography variant="body2" role="status">
          Asked the runner to run {request.value.check} in{' '}
          {request.value.cluster}; the run shows below when it finishes.{' '}
          <Button size="small" color="primary" onClick={onRefresh}>
            Reload runs
          </Button>
        </Typography>
      )}
    </div>
  );
}
