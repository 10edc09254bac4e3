export { interpolatedQuantile, median } from './quantile';
