import TableCell from '@material-ui/core/TableCell';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CostTotals } from '../../api/types';
import {
  formatCoreHours,
  formatGibHours,
  formatMoney,
  formatPercent,
} from '../format';

/** The column headers that go with {@link TotalsCells}. */
export const TOTALS_HEADERS = [
  'Request',
  'Usage',
  'Billed',
  'Efficiency',
  'Cost',
] as const;

const useStyles = makeStyles({
  // "52.5 core-h" and "CPU $1.77 · mem $0.233" stay whole: a narrow column
  // otherwise breaks a unit at its hyphen ("core-" over "h").
  line: { whiteSpace: 'nowrap' },
});

/**
 * A number over its breakdown in small print, each on one line: a table
 * breaks between the two, never inside "CPU $27.47" or "52.5 core-h".
 */
export function TwoLines(props: { first: string; second: string }) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2" component="div" className={classes.line}>
        {props.first}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        className={classes.line}
      >
        {props.second}
      </Typography>
    </>
  );
}

/**
 * Request, usage and billed amounts (CPU core-hours over memory GiB-hours),
 * efficiency and cost of one row: a controller, a pod or a container.
 */
export function TotalsCells(props: {
  totals: CostTotals;
  currencyCode: string;
  idleShared: boolean;
}) {
  const { totals, currencyCode, idleShared } = props;
  const money = (amount: number) => formatMoney(amount, currencyCode);
  return (
    <>
      <TableCell>
        <TwoLines
          first={formatCoreHours(totals.cpuRequestCoreHours)}
          second={formatGibHours(totals.memoryRequestByteHours)}
        />
      </TableCell>
      <TableCell>
        <TwoLines
          first={formatCoreHours(totals.cpuUsageCoreHours)}
          second={formatGibHours(totals.memoryUsageByteHours)}
        />
      </TableCell>
      <TableCell>
        <TwoLines
          first={formatCoreHours(totals.cpuBilledCoreHours)}
          second={formatGibHours(totals.memoryBilledByteHours)}
        />
      </TableCell>
      <TableCell>
        <TwoLines
          first={formatPercent(totals.efficiency.total)}
          second={`CPU ${formatPercent(
            totals.efficiency.cpu,
          )} · mem ${formatPercent(totals.efficiency.memory)}`}
        />
      </TableCell>
      <TableCell align="right">
        <TwoLines
          first={money(totals.cost)}
          second={
            idleShared
              ? `with idle ${money(totals.costWithIdle)}`
              : `CPU ${money(totals.cpuCost)} · mem ${money(totals.memoryCost)}`
          }
        />
      </TableCell>
    </>
  );
}
