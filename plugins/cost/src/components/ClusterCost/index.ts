export { ClusterCostView } from './ClusterCostView';
export { idleCsvColumns } from './IdleTable';
export { namespaceCsvColumns } from './NamespacesTable';
export { sumIdleRows } from './clusterTotals';
