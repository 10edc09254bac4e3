import { EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { CanaryStatus } from '../../api/types';

function HowToFindClusters() {
  return (
    <Typography variant="body2" component="div">
      Name them on the component with the <code>goldenpath.dev/clusters</code>{' '}
      annotation (comma separated, as the clusters report themselves), or let
      the platform find them: a component is placed in the clusters where its
      pods (<code>pod.usage</code> events linked by its{' '}
      <code>backstage.io/kubernetes-id</code>,{' '}
      <code>backstage.io/kubernetes-namespace</code> or{' '}
      <code>backstage.io/kubernetes-label-selector</code> annotation) or its
      Argo Rollouts were seen lately.
    </Typography>
  );
}

function HowToDeclareChecks() {
  return (
    <Typography variant="body2" component="div">
      Declare checks per cluster in the backend&apos;s{' '}
      <code>app-config.yaml</code> under <code>platform.canary.clusters</code>{' '}
      (HTTP, DNS, TCP and TLS checks, each naming the capability it tests, run
      by
      <code> @goldenpath/plugin-platform-backend-module-canary</code>), or
      install{' '}
      <a href="https://github.com/kuberhealthy/kuberhealthy">Kuberhealthy</a> in
      the cluster and turn on its reader with{' '}
      <code>platform.canary.kuberhealthy</code>. Any other tool can send{' '}
      <code>canary.run</code> events to <code>POST /api/platform/events</code>.
    </Typography>
  );
}

/**
 * Why there is no matrix: the component's clusters are not known, or no
 * canary check runs in them (say how to add one in either case).
 */
export function CanaryEmptyState(props: {
  status: CanaryStatus;
  subject: string;
}) {
  const { status, subject } = props;
  if (status.scope === 'component' && status.clusters.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No clusters known for this component"
        description={`The Canary tab shows the checks of the clusters ${subject} runs in, and none is known yet.`}
        action={<HowToFindClusters />}
      />
    );
  }
  return (
    <EmptyState
      missing="data"
      title="No canary checks yet"
      description={`No canary check runs in ${status.clusters.join(
        ', ',
      )}, so nothing says whether the platform under ${subject} works.`}
      action={<HowToDeclareChecks />}
    />
  );
}
