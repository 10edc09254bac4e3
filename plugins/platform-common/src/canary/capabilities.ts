import type { CanaryCapability, CanaryCheckStatus } from './types';

/** Every capability, in the order the matrix shows them. @public */
export const CANARY_CAPABILITIES: readonly CanaryCapability[] = [
  'deploy',
  'dns',
  'ingress',
  'certificates',
  'metrics',
  'logs',
];

/** The statuses of a component's clusters and depended-on capabilities. */
export function statusesFor(
  statuses: CanaryCheckStatus[],
  component: { clusters: string[]; dependsOn?: CanaryCapability[] },
): CanaryCheckStatus[] {
  const clusters = new Set(component.clusters);
  const capabilities = new Set(component.dependsOn ?? CANARY_CAPABILITIES);
  return statuses.filter(
    s => clusters.has(s.cluster) && capabilities.has(s.capability),
  );
}

/** Down counts for impact and verdicts unless `now` is in maintenance. */
export function isDownOutsideMaintenance(status: CanaryCheckStatus): boolean {
  return status.state === 'down' && !status.inMaintenance;
}
