import { InfoCard } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment } from 'react';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { CAPABILITY_LABEL } from '../canaryStatus';
import { P95_DEFINITION, UPTIME_DEFINITION } from '../definitions';
import { CheckBadges, CheckStatusChip, RunSparkline } from '../CheckSummary';
import { formatAgo, formatDuration, formatUptime, plural } from '../format';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  group: { backgroundColor: theme.palette.background.default },
}));

function CheckRow(props: {
  check: CanaryStatusCheck;
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { check, status, onSelect } = props;
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <Link
          component="button"
          variant="body2"
          onClick={() =>
            onSelect({ cluster: check.cluster, check: check.check })
          }
        >
          {check.check}
        </Link>
      </TableCell>
      <TableCell>
        <CheckStatusChip display={check.display} />
      </TableCell>
      <TableCell>
        <RunSparkline runs={check.recent} />
      </TableCell>
      <TableCell>{formatUptime(check.stats.uptime)}</TableCell>
      <TableCell>{formatDuration(check.stats.p95DurationMs)}</TableCell>
      <TableCell>
        {check.lastRunAt ? formatAgo(check.lastRunAt, status.generatedAt) : '–'}
      </TableCell>
      <TableCell>
        <CheckBadges check={check} status={status} />
      </TableCell>
    </TableRow>
  );
}

/**
 * All the checks of a cluster Resource, grouped by capability, with the
 * same status, sparkline, uptime and badges as the matrix; a check's name
 * opens its drawer.
 */
export function ClusterChecks(props: {
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { status, onSelect } = props;
  const classes = useStyles();
  const cells = status.matrix.flatMap(row => row.cells);
  const checked = cells.filter(cell => cell.checks.length > 0);
  const unchecked = status.capabilities.filter(
    capability => !checked.some(cell => cell.capability === capability),
  );
  return (
    <InfoCard
      title={`Checks (${checked.reduce((n, c) => n + c.checks.length, 0)})`}
      subheader={
        unchecked.length > 0
          ? `Not checked in this cluster: ${unchecked
              .map(c => CAPABILITY_LABEL[c])
              .join(', ')}`
          : undefined
      }
      noPadding
    >
      <div className={classes.scroll}>
        <Table size="small" aria-label="Canary checks of this cluster">
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Last 30 runs</TableCell>
              <TableCell title={UPTIME_DEFINITION}>
                Uptime ({status.window.key})
              </TableCell>
              <TableCell title={P95_DEFINITION}>p95 duration</TableCell>
              <TableCell>Last run</TableCell>
              <TableCell>Badges</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {checked.map(cell => (
              <Fragment key={cell.capability}>
                <TableRow className={classes.group}>
                  <TableCell colSpan={7} component="th" scope="rowgroup">
                    <Typography variant="subtitle2" component="span">
                      {`${CAPABILITY_LABEL[cell.capability]} (${plural(
                        cell.checks.length,
                        'check',
                      )})`}
                    </Typography>
                  </TableCell>
                </TableRow>
                {cell.checks.map(check => (
                  <CheckRow
                    key={check.check}
                    check={check}
                    status={status}
                    onSelect={onSelect}
                  />
                ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </div>
    </InfoCard>
  );
}
