export * from './envelope';
export * from './types';
export * from './validate';
