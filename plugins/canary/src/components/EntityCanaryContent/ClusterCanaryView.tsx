import Grid from '@material-ui/core/Grid';
import { CanaryStatus } from '../../api/types';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { CanaryEmptyState } from '../CanaryEmptyState';
import { allChecks } from '../checks';
import { ClusterChecks } from '../ClusterChecks';
import { VerdictHeader } from '../VerdictHeader';

/** A cluster Resource: all its checks, grouped by capability. */
export function ClusterCanaryView(props: {
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { status, onSelect } = props;
  const subject = 'this cluster';
  if (allChecks(status).length === 0) {
    return <CanaryEmptyState status={status} subject={subject} />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <VerdictHeader status={status} subject={subject} />
      </Grid>
      <Grid item xs={12}>
        <ClusterChecks status={status} onSelect={onSelect} />
      </Grid>
    </Grid>
  );
}
