export * from './envelope';
export * from './types';
export * from './validate';
export {
  EVENT_LIMITS,
  EARLIEST_EVENT_TIME,
  findUnsafeCharacter,
  isHttpUrl,
} from './fields';
