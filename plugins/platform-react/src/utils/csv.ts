/**
 * A CSV cell value. `null` and `undefined` become empty cells; dates are written
 * as ISO-8601.
 *
 * @public
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * One CSV column: its header and how to read a row's cell.
 *
 * @public
 */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

function toCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text = value instanceof Date ? value.toISOString() : String(value);
  // RFC 4180: quote fields holding a comma, a quote or a line break, and
  // double the quotes inside.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders rows as RFC 4180 CSV: a header line, CRLF line breaks, fields quoted
 * only when needed.
 *
 * @public
 */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
): string {
  const lines = [
    columns.map(column => toCell(column.header)),
    ...rows.map(row => columns.map(column => toCell(column.value(row)))),
  ];
  return `${lines.map(cells => cells.join(',')).join('\r\n')}\r\n`;
}

/**
 * Lets the browser download rows as a CSV file (see {@link toCsv}).
 *
 * @public
 */
export function downloadCsv<T>(
  filename: string,
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
): void {
  const blob = new Blob([toCsv(rows, columns)], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    document.body.removeChild(link);
    URL.revokeObjectURL(url);
  }
}
