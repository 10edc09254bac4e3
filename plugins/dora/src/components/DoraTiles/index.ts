export { DoraTiles } from './DoraTiles';
export { DoraExtraNumbers } from './DoraExtraNumbers';
