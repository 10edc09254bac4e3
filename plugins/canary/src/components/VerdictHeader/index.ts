export { VerdictHeader } from './VerdictHeader';
