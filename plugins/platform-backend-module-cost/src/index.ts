/**
 * OpenCost and Prometheus pollers for the Golden Path platform backend:
 * hourly `pod.usage` per container and `node.cost` per node.
 *
 * @packageDocumentation
 */
export { platformModuleCostSources as default } from './module';
