import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryMatrixCell, CanaryStatus } from '../../api/types';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { CAPABILITY_LABEL, DISPLAY_LABEL } from '../canaryStatus';
import { CheckButton } from './CheckButton';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  cell: { verticalAlign: 'top', minWidth: 150 },
  checks: { display: 'flex', flexDirection: 'column', gap: theme.spacing(1) },
}));

function MatrixCell(props: {
  cell: CanaryMatrixCell;
  cluster: string;
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { cell, cluster, status, onSelect } = props;
  const classes = useStyles();
  const label = `${CAPABILITY_LABEL[cell.capability]} in ${cluster}`;
  if (cell.checks.length === 0) {
    return (
      <TableCell className={classes.cell} aria-label={`${label}: no check`}>
        <Typography variant="body2" color="textSecondary">
          No check
        </Typography>
      </TableCell>
    );
  }
  return (
    <TableCell
      className={classes.cell}
      aria-label={`${label}: ${DISPLAY_LABEL[cell.display]}`}
      data-display={cell.display}
    >
      <div className={classes.checks}>
        {cell.checks.map(check => (
          <CheckButton
            key={check.check}
            check={check}
            status={status}
            onSelect={onSelect}
          />
        ))}
      </div>
    </TableCell>
  );
}

/**
 * Clusters × capabilities: a row per cluster the component runs in, a
 * column per capability; each cell holds its checks, worst first in its
 * label. A check opens its drawer.
 */
export function CanaryMatrix(props: {
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { status, onSelect } = props;
  const classes = useStyles();
  return (
    <InfoCard title="Clusters × capabilities" noPadding>
      <div className={classes.scroll}>
        <Table
          size="small"
          aria-label="Canary checks by cluster and capability"
        >
          <TableHead>
            <TableRow>
              <TableCell>Cluster</TableCell>
              {status.capabilities.map(capability => (
                <TableCell key={capability}>
                  {CAPABILITY_LABEL[capability]}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {status.matrix.map(row => (
              <TableRow key={row.cluster}>
                <TableCell component="th" scope="row" className={classes.cell}>
                  {row.clusterEntityRef ? (
                    <EntityRefLink
                      entityRef={row.clusterEntityRef}
                      title={row.cluster}
                    />
                  ) : (
                    row.cluster
                  )}
                </TableCell>
                {row.cells.map(cell => (
                  <MatrixCell
                    key={cell.capability}
                    cell={cell}
                    cluster={row.cluster}
                    status={status}
                    onSelect={onSelect}
                  />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </InfoCard>
  );
}
