export * from './types';
export { computeCost, DEFAULT_IDLE } from './computeCost';
export {
  DEFAULT_RIGHT_SIZING,
  HOURS_PER_MONTH,
  recommendCpuCores,
  recommendMemoryBytes,
} from './rightSizing';
export { resourceEfficiency } from './totals';
