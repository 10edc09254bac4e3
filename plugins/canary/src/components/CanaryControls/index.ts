export { CanaryControls } from './CanaryControls';
