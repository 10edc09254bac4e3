export { EntityDoraContent } from './EntityDoraContent';
export type { EntityDoraContentProps } from './EntityDoraContent';
