import TableCell from '@material-ui/core/TableCell';
import Typography from '@material-ui/core/Typography';
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

/**
 * A number over its breakdown in small print: a narrow table column then
 * breaks between the two, not inside "CPU $27.47".
 */
export function TwoLines(props: { first: string; second: string }) {
  return (
    <>
      <Typography variant="body2" component="div">
        {props.first}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
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
