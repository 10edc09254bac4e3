export { DoraDrillDown } from './DoraDrillDown';
export {
  changeCsvColumns,
  deploymentCsvColumns,
  incidentCsvColumns,
} from './columns';
