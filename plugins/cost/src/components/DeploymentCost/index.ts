export {
  DeploymentCostTable,
  deploymentCostCsvColumns,
} from './DeploymentCostTable';
