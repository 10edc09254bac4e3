import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { downloadCsv } from '@goldenpath/plugin-platform-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment, useMemo } from 'react';
import { CostControllerRow, CostQuery, CostWindow } from '../../api/types';
import { useCostPods } from '../../hooks/useCostData';
import { csvFilename } from '../exportCsv';
import {
  controllerLabel,
  formatBytes,
  formatCores,
  formatDateTime,
} from '../format';
import { podContainerCsvColumns, podContainerLines } from './csvColumns';
import { TOTALS_HEADERS, TotalsCells } from './totalsCells';

const useStyles = makeStyles(theme => ({
  // Numbers do not wrap (TwoLines): on a narrow screen the table scrolls.
  panel: { padding: theme.spacing(1, 2, 2, 6), overflowX: 'auto' },
  pod: { fontWeight: theme.typography.fontWeightMedium as number },
  container: { paddingLeft: theme.spacing(4) },
  toolbar: { display: 'flex', justifyContent: 'space-between' },
}));

/** The pods and containers of one controller, fetched when its row opens. */
export function ControllerPods(props: {
  query: CostQuery;
  controller: CostControllerRow;
  window: CostWindow;
  idleShared: boolean;
}) {
  const classes = useStyles();
  const { query, controller, window, idleShared } = props;
  const podsQuery = useMemo(
    () => ({
      ...query,
      cluster: controller.cluster,
      namespace: controller.namespace,
      controllerKind: controller.controllerKind,
      controller: controller.controller,
    }),
    [query, controller],
  );
  const { loading, error, value } = useCostPods(podsQuery);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const pods = value?.pods ?? [];
  const code = value?.currency.code ?? 'USD';
  const label = controllerLabel(controller);

  return (
    <Box className={classes.panel}>
      <Box className={classes.toolbar}>
        <Typography variant="subtitle2" component="h4">
          Pods of {label} ({pods.length})
        </Typography>
        <Button
          size="small"
          onClick={() =>
            downloadCsv(
              csvFilename(
                query.entityRef,
                `${controller.controller}-pods`,
                window,
              ),
              podContainerLines(pods),
              podContainerCsvColumns,
            )
          }
        >
          Export pods CSV
        </Button>
      </Box>
      {pods.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No pods in this window.
        </Typography>
      ) : (
        <Table size="small" aria-label={`Pods of ${label}`}>
          <TableHead>
            <TableRow>
              <TableCell>Pod / container</TableCell>
              <TableCell>Ran</TableCell>
              {TOTALS_HEADERS.map(header => (
                <TableCell
                  key={header}
                  align={header === 'Cost' ? 'right' : 'left'}
                >
                  {header}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {pods.map(pod => (
              <Fragment key={pod.podUid}>
                <TableRow>
                  <TableCell className={classes.pod}>{pod.pod}</TableCell>
                  <TableCell>
                    <Typography variant="body2" component="div">
                      {formatDateTime(pod.firstHour)} –{' '}
                      {formatDateTime(pod.lastHour)}
                    </Typography>
                    <Typography variant="caption" color="textSecondary">
                      on {pod.nodes.join(', ')}
                    </Typography>
                  </TableCell>
                  <TotalsCells
                    totals={pod.totals}
                    currencyCode={code}
                    idleShared={idleShared}
                  />
                </TableRow>
                {pod.containers.map(container => (
                  <TableRow key={`${pod.podUid}/${container.container}`}>
                    <TableCell className={classes.container}>
                      {container.container}
                    </TableCell>
                    <TableCell>
                      <Typography variant="caption" color="textSecondary">
                        requests {formatCores(container.cpuRequestCores)} CPU,{' '}
                        {formatBytes(container.memoryRequestBytes)}
                      </Typography>
                    </TableCell>
                    <TotalsCells
                      totals={container.totals}
                      currencyCode={code}
                      idleShared={idleShared}
                    />
                  </TableRow>
                ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
