export { GroupCostView } from './GroupCostView';
export { componentCsvColumns } from './ComponentsShowbackTable';
