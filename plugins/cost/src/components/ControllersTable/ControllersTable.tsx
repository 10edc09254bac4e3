import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { downloadCsv } from '@goldenpath/plugin-platform-react';
import { Fragment, useState } from 'react';
import { CostControllerRow, CostQuery, CostSummary } from '../../api/types';
import { csvFilename } from '../exportCsv';
import { controllerLabel } from '../format';
import { ControllerPods } from './ControllerPods';
import { controllerCsvColumns } from './csvColumns';
import { TOTALS_HEADERS, TotalsCells } from './totalsCells';

const keyOf = (row: CostControllerRow) =>
  [row.cluster, row.namespace, row.controllerKind, row.controller].join('/');

/**
 * The controllers of the entity, costliest first; a row opens onto its pods
 * and their containers (fetched then, from the hourly roll-ups).
 */
export function ControllersTable(props: {
  summary: CostSummary;
  query: CostQuery;
}) {
  const { summary, query } = props;
  const rows = summary.controllers;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen(previous => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const columnCount = 2 + TOTALS_HEADERS.length;

  return (
    <InfoCard
      title={`Controllers (${rows.length})`}
      subheader="Requests, usage and billed amounts: CPU core-hours over memory GiB-hours"
      action={
        <Button
          size="small"
          onClick={() =>
            downloadCsv(
              csvFilename(summary.entityRef, 'controllers', summary.window),
              rows,
              controllerCsvColumns,
            )
          }
        >
          Export controllers CSV
        </Button>
      }
      noPadding
    >
      {rows.length === 0 ? (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No controllers in this window.
        </Typography>
      ) : (
        <Table size="small" aria-label="Controllers">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>Controller</TableCell>
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
            {rows.map(row => {
              const key = keyOf(row);
              const expanded = open.has(key);
              const label = controllerLabel(row);
              return (
                <Fragment key={key}>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <IconButton
                        size="small"
                        aria-label={`${
                          expanded ? 'Hide' : 'Show'
                        } pods of ${label}`}
                        aria-expanded={expanded}
                        onClick={() => toggle(key)}
                      >
                        {expanded ? (
                          <KeyboardArrowDownIcon />
                        ) : (
                          <KeyboardArrowRightIcon />
                        )}
                      </IconButton>
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2" component="div">
                        {label}
                      </Typography>
                      <Typography variant="caption" color="textSecondary">
                        {row.cluster} / {row.namespace}
                      </Typography>
                    </TableCell>
                    <TotalsCells
                      totals={row.totals}
                      currencyCode={summary.currency.code}
                      idleShared={summary.options.idleShared}
                    />
                  </TableRow>
                  {expanded && (
                    <TableRow>
                      <TableCell colSpan={columnCount} padding="none">
                        <ControllerPods
                          query={query}
                          controller={row}
                          window={summary.window}
                          idleShared={summary.options.idleShared}
                        />
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
