import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { CsvColumn } from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { exportCsvAction } from './exportAction';

export interface DrillDownTableProps<T extends object> {
  title: string;
  loading: boolean;
  error?: Error;
  items?: T[];
  columns: TableColumn<T>[];
  csvColumns: CsvColumn<T>[];
  filename: string;
  emptyText: string;
}

/** One drill-down list: loading, error, then a searchable table with CSV export. */
export function DrillDownTable<T extends object>(
  props: DrillDownTableProps<T>,
) {
  const { title, loading, error, items, columns, csvColumns, filename } = props;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const rows = items ?? [];
  return (
    <Table<T>
      title={`${title} (${rows.length})`}
      data={rows}
      columns={columns}
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        pageSizeOptions: [10, 25, 50],
        search: true,
        padding: 'dense',
        draggable: false,
      }}
      actions={[exportCsvAction(filename, rows, csvColumns)]}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          {props.emptyText}
        </Typography>
      }
    />
  );
}
