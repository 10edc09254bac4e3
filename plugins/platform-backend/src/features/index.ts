import { canaryFeature } from '../canary';
import { costFeature } from '../cost';
import { doraFeature } from '../dora';
import { PlatformFeatureFactory } from './PlatformFeature';

/** Every feature of the shared backend; adding one is one line here. */
export const platformFeatures: PlatformFeatureFactory[] = [
  doraFeature,
  costFeature,
  canaryFeature,
];
