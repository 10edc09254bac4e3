import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CanaryCapability } from '@goldenpath/plugin-platform-common';

/** A check a runner runs on its own schedule. @public */
export interface PlatformCanaryCheckDefinition {
  /** The cluster name, as `canary.run` events carry it. */
  cluster: string;
  /** The check's name, unique within its cluster. */
  check: string;
  capability: CanaryCapability;
  intervalSeconds: number;
}

/**
 * Something that runs canary checks (the built-in runner of
 * `@goldenpath/plugin-platform-backend-module-canary`). The platform backend
 * asks it for its checks to answer "Run now": a check no runner lists is a
 * 404, and with no runner installed the route answers 501.
 *
 * @public
 */
export interface PlatformCanaryRunner {
  /** The checks it runs; called on every "Run now", so keep it cheap. */
  listChecks():
    | PlatformCanaryCheckDefinition[]
    | Promise<PlatformCanaryCheckDefinition[]>;
  /**
   * Runs one of its checks once, now, and posts the result through the
   * intake itself (a `canary.run` with `trigger: 'manual'`), like a
   * scheduled run. The backend answers 202 without waiting for it, ignores
   * what it resolves to and logs a rejection.
   */
  runNow(cluster: string, check: string): Promise<unknown>;
}

/** @public */
export interface PlatformCanaryRunnersExtensionPoint {
  addRunner(...runners: PlatformCanaryRunner[]): void;
}

/**
 * Lets backend modules add canary runners to the platform backend, so
 * `POST /api/platform/canary/run-now` can run their checks.
 *
 * @public
 */
export const platformCanaryRunnersExtensionPoint =
  createExtensionPoint<PlatformCanaryRunnersExtensionPoint>({
    id: 'platform.canary-runners',
  });
