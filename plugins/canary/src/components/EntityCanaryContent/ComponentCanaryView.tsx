import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus } from '../../api/types';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { CanaryEmptyState } from '../CanaryEmptyState';
import { CanaryMatrix } from '../CanaryMatrix';
import { allChecks } from '../checks';
import { RolloutPanel } from '../RolloutPanel';
import { VerdictHeader } from '../VerdictHeader';

const useStyles = makeStyles(theme => ({
  // Apart from the matrix card above it, not glued to its edge.
  uncovered: { marginTop: theme.spacing(1) },
}));

/**
 * A Component: is the platform under it healthy (verdict, matrix of its
 * clusters) and where does its own canary release stand (Argo Rollouts).
 */
export function ComponentCanaryView(props: {
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { status, onSelect } = props;
  const classes = useStyles();
  const subject = 'this component';
  const hasChecks = allChecks(status).length > 0;
  return (
    <Grid container spacing={3}>
      {hasChecks ? (
        <>
          <Grid item xs={12}>
            <VerdictHeader status={status} subject={subject} />
          </Grid>
          <Grid item xs={12}>
            <CanaryMatrix status={status} onSelect={onSelect} />
            {status.uncoveredClusters.length > 0 && (
              <Typography
                variant="body2"
                color="textSecondary"
                className={classes.uncovered}
              >
                {`No canary check runs in ${status.uncoveredClusters.join(
                  ', ',
                )}: nothing is known about the platform there.`}
              </Typography>
            )}
          </Grid>
        </>
      ) : (
        <Grid item xs={12}>
          <CanaryEmptyState status={status} subject={subject} />
        </Grid>
      )}
      <Grid item xs={12}>
        <RolloutPanel entityRef={status.entityRef} now={status.generatedAt} />
      </Grid>
    </Grid>
  );
}
