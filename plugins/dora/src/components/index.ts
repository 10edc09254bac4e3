export { EntityDoraContent } from './EntityDoraContent';
export type { EntityDoraContentProps } from './EntityDoraContent';
export { EntityDoraGroupContent } from './EntityDoraGroupContent';
export type { EntityDoraGroupContentProps } from './EntityDoraGroupContent';
