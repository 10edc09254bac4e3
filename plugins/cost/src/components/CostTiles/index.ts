export { CostTiles } from './CostTiles';
export type { AsyncValue } from './RecommendationTiles';
