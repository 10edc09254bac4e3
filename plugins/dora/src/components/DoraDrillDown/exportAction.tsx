import { CsvColumn, downloadCsv } from '@goldenpath/plugin-platform-react';
import GetAppIcon from '@material-ui/icons/GetApp';

/** A table toolbar action that downloads the rows as CSV. */
export function exportCsvAction<T>(
  filename: string,
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
) {
  return {
    icon: () => <GetAppIcon />,
    tooltip: 'Export CSV',
    isFreeAction: true,
    onClick: () => downloadCsv(filename, rows, columns),
  };
}

/** e.g. `payments-api-deployments-2026-08-25-to-2026-11-23.csv`. */
export function csvFilename(
  entityRef: string,
  what: string,
  from?: string,
  to?: string,
): string {
  const name = entityRef.replace(/^.*[:/]/, '') || 'entity';
  const window =
    from && to ? `-${from.slice(0, 10)}-to-${to.slice(0, 10)}` : '';
  return `${name}-${what}${window}.csv`;
}
