export * from './envelope';
export * from './types';
export * from './validate';
export { podSubject } from './podSubject';
export type { PodSubjectInput } from './podSubject';
export {
  isKubernetesLabelKey,
  isKubernetesLabelValue,
} from './kubernetesLabels';
export {
  EVENT_LIMITS,
  EARLIEST_EVENT_TIME,
  findUnsafeCharacter,
  isHttpUrl,
} from './fields';
