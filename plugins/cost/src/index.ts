/**
 * The Cost tab: what each service, team and cluster costs in Kubernetes,
 * down to the container, and what right-sizing would save.
 *
 * The New Frontend System plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export { costPlugin, EntityCostContent } from './plugin';
export {
  COST_ANNOTATIONS,
  isCostAvailable,
  isCostCluster,
  isCostComponent,
  isCostGroup,
} from './availability';
export {
  CLUSTER_COST_DEFINITION,
  COST_DEFINITION,
  CPU_COST_DEFINITION,
  EFFICIENCY_DEFINITION,
  MEMORY_COST_DEFINITION,
  RISK_DEFINITION,
  SAVINGS_DEFINITION,
  SHARED_IDLE_DEFINITION,
} from './components/definitions';
