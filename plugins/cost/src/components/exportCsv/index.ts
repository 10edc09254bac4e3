export { csvFilename, exportCsvAction } from './exportCsvAction';
