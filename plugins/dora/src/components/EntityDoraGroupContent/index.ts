export { EntityDoraGroupContent } from './EntityDoraGroupContent';
export type { EntityDoraGroupContentProps } from './EntityDoraGroupContent';
