export { ClusterChecks } from './ClusterChecks';
