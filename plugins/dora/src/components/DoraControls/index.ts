export { DoraControls } from './DoraControls';
