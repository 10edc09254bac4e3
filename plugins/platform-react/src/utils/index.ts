export { downloadCsv, toCsv } from './csv';
export type { CsvColumn, CsvValue } from './csv';
