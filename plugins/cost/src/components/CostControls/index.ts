export { CostControls } from './CostControls';
