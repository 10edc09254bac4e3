import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { CostRecommendation, CostRecommendations } from '../../api/types';
import { csvFilename, exportCsvAction } from '../exportCsv';
import { formatMoney } from '../format';
import {
  recommendationCsvColumns,
  riskColumns,
  savingsColumns,
} from './columns';

function RecommendationTable(props: {
  title: string;
  rows: CostRecommendation[];
  columns: TableColumn<CostRecommendation>[];
  filename: string;
  emptyText: string;
}) {
  const { title, rows, columns, filename, emptyText } = props;
  return (
    <Table<CostRecommendation>
      title={title}
      data={rows}
      columns={columns}
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        search: rows.length > 5,
        padding: 'dense',
        draggable: false,
      }}
      actions={[exportCsvAction(filename, rows, recommendationCsvColumns)]}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          {emptyText}
        </Typography>
      }
    />
  );
}

const percentileLabel = (recommendations: CostRecommendations) =>
  `p${Math.round(recommendations.options.percentile * 100)}`;

/** Containers requesting more than they use: what right-sizing saves. */
export function SavingsTable(props: {
  entityRef: string;
  recommendations: CostRecommendations;
}) {
  const { recommendations: r } = props;
  const code = r.currency.code;
  return (
    <RecommendationTable
      title={`Savings (${r.savings.length}): ${formatMoney(
        r.totalMonthlySavings,
        code,
      )} a month`}
      rows={r.savings}
      columns={savingsColumns(code, percentileLabel(r))}
      filename={csvFilename(props.entityRef, 'savings', r.window)}
      emptyText="No container requests more than it needs."
    />
  );
}

/** Containers using more than they request: listed apart, never netted. */
export function RisksTable(props: {
  entityRef: string;
  recommendations: CostRecommendations;
}) {
  const { recommendations: r } = props;
  const code = r.currency.code;
  return (
    <RecommendationTable
      title={`Under-provisioned risk (${r.risks.length}): ${formatMoney(
        r.totalMonthlyRiskCost,
        code,
      )} a month`}
      rows={r.risks}
      columns={riskColumns(code, percentileLabel(r))}
      filename={csvFilename(props.entityRef, 'risks', r.window)}
      emptyText="No container uses more than it requests."
    />
  );
}
