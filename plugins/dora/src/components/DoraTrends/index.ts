export { DoraTrends } from './DoraTrends';
export { PrSizeChart } from './PrSizeChart';
