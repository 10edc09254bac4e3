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

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP
 * "CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function toCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Text from events (ids, environments, labels) is untrusted: a leading
  // single quote makes a spreadsheet show it as text instead of running it.
  // Numbers and booleans are ours, so -3 stays a number.
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  // RFC 4180: quote fields holding a comma, a quote or a line break, and
  // double the quotes inside.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders rows as RFC 4180 CSV: a header line, CRLF line breaks, fields quoted
 * only when needed. Text cells that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`.
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
