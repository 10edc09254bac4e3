export { ControllersTable } from './ControllersTable';
export {
  controllerCsvColumns,
  podContainerCsvColumns,
  podContainerLines,
} from './csvColumns';
