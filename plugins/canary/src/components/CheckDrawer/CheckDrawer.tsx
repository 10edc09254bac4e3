import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { useId } from 'react';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { useCanaryRuns } from '../../hooks/useCanaryData';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { CheckStatusChip } from '../CheckSummary';
import { allChecks } from '../checks';
import { CheckFacts } from './CheckFacts';
import { DurationChart } from './DurationChart';
import { RunNowButton } from './RunNowButton';
import { RunsTable } from './RunsTable';
import { SavedErrors } from './SavedErrors';

/** The most runs the drawer loads; the backend answers `more` beyond. */
export const DRAWER_RUNS_LIMIT = 200;

const useStyles = makeStyles(theme => ({
  // The runs table needs about 800 px (a time on one line, six columns).
  paper: { width: 'min(880px, 100vw)' },
  body: {
    padding: theme.spacing(2, 3),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  header: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  title: { flexGrow: 1 },
}));

function DrawerRuns(props: {
  entityRef: string;
  check: CanaryStatusCheck;
  status: CanaryStatus;
}) {
  const { entityRef, check, status } = props;
  const runs = useCanaryRuns({
    entityRef,
    cluster: check.cluster,
    check: check.check,
    from: status.window.from,
    limit: DRAWER_RUNS_LIMIT,
  });
  const target = { cluster: check.cluster, check: check.check };
  let body;
  if (runs.loading && !runs.value) {
    body = <Progress />;
  } else if (runs.error) {
    body = <ResponseErrorPanel error={runs.error} />;
  } else if (runs.value) {
    body = (
      <>
        <DurationChart runs={runs.value.runs} />
        <SavedErrors runs={runs.value.runs} />
        <RunsTable runs={runs.value.runs} more={runs.value.more} />
      </>
    );
  }
  return (
    <>
      <RunNowButton target={target} onRefresh={runs.retry} />
      {body}
    </>
  );
}

/**
 * One check in one cluster: its state and numbers, "Run now", the duration
 * of its runs, what its failures said, and the run timeline.
 */
export function CheckDrawer(props: {
  entityRef: string;
  status: CanaryStatus;
  selected?: SelectedCheck;
  onClose(): void;
}) {
  const { entityRef, status, selected, onClose } = props;
  const classes = useStyles();
  const titleId = useId();
  const check = selected
    ? allChecks(status).find(
        c => c.cluster === selected.cluster && c.check === selected.check,
      )
    : undefined;
  return (
    <Drawer
      anchor="right"
      open={Boolean(selected)}
      onClose={onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{ role: 'dialog', 'aria-labelledby': titleId } as object}
    >
      {selected && (
        <div className={classes.body}>
          <div className={classes.header}>
            <Typography
              id={titleId}
              variant="h5"
              component="h2"
              className={classes.title}
            >
              {selected.check} in {selected.cluster}
            </Typography>
            {check && <CheckStatusChip display={check.display} />}
            <IconButton aria-label="Close" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </div>
          {check ? (
            <>
              <CheckFacts check={check} status={status} />
              <DrawerRuns entityRef={entityRef} check={check} status={status} />
            </>
          ) : (
            <Typography variant="body2">
              No check {selected.check} runs in {selected.cluster} for this
              entity.
            </Typography>
          )}
        </div>
      )}
    </Drawer>
  );
}
