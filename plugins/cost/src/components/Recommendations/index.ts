export { RecommendedRequests } from './RecommendedRequests';
export { RisksTable, SavingsTable } from './RecommendationTables';
export { recommendationCsvColumns } from './columns';
export {
  recommendedRequestsYaml,
  toMebibytes,
  toMillicores,
} from './recommendedRequestsYaml';
