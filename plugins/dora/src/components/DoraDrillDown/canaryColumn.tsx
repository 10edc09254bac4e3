import { TableColumn } from '@backstage/core-components';
import {
  CanaryFailingAt,
  DoraDeploymentDetail,
  DoraIncidentDetail,
} from '@goldenpath/plugin-platform-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { CanaryFailingLookup } from '../../hooks/usePlatformOrProduct';
import { formatDateTime } from '../format';

/** "Platform: ingress down in prod-eu", one per capability and cluster. */
export function describePlatformTrouble(failing: CanaryFailingAt[]): string[] {
  const seen = new Set<string>();
  return failing.flatMap(f => {
    const text = `Platform: ${f.capability} down in ${f.cluster}`;
    if (seen.has(text)) return [];
    seen.add(text);
    return [text];
  });
}

function checkDetails(failing: CanaryFailingAt[]): string {
  return failing
    .map(
      f =>
        `${f.check} (${f.capability}) in ${
          f.cluster
        }: failing from ${formatDateTime(f.failingSince)}${
          f.failingUntil
            ? ` to ${formatDateTime(f.failingUntil)}`
            : ', still down'
        }`,
    )
    .join('; ');
}

function PlatformCell(props: { failing: CanaryFailingAt[] }) {
  const lines = describePlatformTrouble(props.failing);
  if (lines.length === 0) return null;
  return (
    <Tooltip title={checkDetails(props.failing)}>
      <div>
        {lines.map(line => (
          <Typography key={line} variant="body2" color="error">
            {line}
          </Typography>
        ))}
      </div>
    </Tooltip>
  );
}

const TITLE = 'Platform or product?';

/**
 * For each failed deployment (at its finish): was a canary failing in its
 * component's cluster then? Nothing for other deployments or when none was.
 */
export function deploymentPlatformColumn(
  lookup: CanaryFailingLookup,
): TableColumn<DoraDeploymentDetail> {
  const failingOf = (row: DoraDeploymentDetail) =>
    row.failed || row.status === 'failure'
      ? lookup(row.entityRef, row.finishedAt)
      : [];
  return {
    title: TITLE,
    field: 'finishedAt',
    customSort: (a, b) => failingOf(a).length - failingOf(b).length,
    render: row => <PlatformCell failing={failingOf(row)} />,
  };
}

/** For each incident (at its opening): was a canary failing in its cluster then? */
export function incidentPlatformColumn(
  lookup: CanaryFailingLookup,
): TableColumn<DoraIncidentDetail> {
  const failingOf = (row: DoraIncidentDetail) =>
    lookup(row.entityRef, row.openedAt);
  return {
    title: TITLE,
    field: 'openedAt',
    customSort: (a, b) => failingOf(a).length - failingOf(b).length,
    render: row => <PlatformCell failing={failingOf(row)} />,
  };
}
