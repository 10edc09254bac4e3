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

/** e.g. `checkout-controllers-2026-10-24-to-2026-11-23.csv`. */
export function csvFilename(
  entityRef: string,
  what: string,
  window: { from: string; to: string },
): string {
  const name = entityRef.replace(/^.*[:/]/, '') || 'entity';
  return `${name}-${what}-${window.from.slice(0, 10)}-to-${window.to.slice(
    0,
    10,
  )}.csv`;
}
