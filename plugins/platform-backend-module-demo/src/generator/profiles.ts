import { hashString } from './random';
import { HOUR_MS, MINUTE_MS } from './time';

/**
 * How a team delivers one service. The four tiers follow the DORA clusters so
 * that the demo shows services in different tiers.
 */
export interface DeliveryProfile {
  tier: 'elite' | 'high' | 'medium' | 'low';
  /** Production deployments per week, before weekends thin them out. */
  deploysPerWeek: number;
  /** Pull requests merged per week. */
  changesPerWeek: number;
  /** How long before the merge the first commit of a change was made, in ms. */
  commitAgeMs: [number, number];
  /** Share of successful production deployments that cause an incident. */
  changeFailureRate: number;
  /** Time from an incident opening to it being resolved, in ms. */
  recoveryMs: [number, number];
  /** Time from a deployment finishing to the incident opening, in ms. */
  detectionMs: [number, number];
  /** How long one deployment runs, in ms. */
  deployDurationMs: [number, number];
  /** Share of production deployment attempts that fail or are cancelled. */
  failedDeployRate: number;
  cancelledDeployRate: number;
  /** Share of production deployments preceded by a staging one. */
  stagingRate: number;
}

const PROFILES: readonly DeliveryProfile[] = [
  {
    tier: 'elite',
    deploysPerWeek: 15,
    changesPerWeek: 22,
    commitAgeMs: [0.5 * HOUR_MS, 10 * HOUR_MS],
    changeFailureRate: 0.05,
    recoveryMs: [12 * MINUTE_MS, 55 * MINUTE_MS],
    detectionMs: [3 * MINUTE_MS, 25 * MINUTE_MS],
    deployDurationMs: [3 * MINUTE_MS, 9 * MINUTE_MS],
    failedDeployRate: 0.03,
    cancelledDeployRate: 0.01,
    stagingRate: 0.3,
  },
  {
    tier: 'high',
    deploysPerWeek: 6,
    changesPerWeek: 14,
    commitAgeMs: [3 * HOUR_MS, 48 * HOUR_MS],
    changeFailureRate: 0.12,
    recoveryMs: [1 * HOUR_MS, 14 * HOUR_MS],
    detectionMs: [10 * MINUTE_MS, 2 * HOUR_MS],
    deployDurationMs: [5 * MINUTE_MS, 15 * MINUTE_MS],
    failedDeployRate: 0.05,
    cancelledDeployRate: 0.02,
    stagingRate: 0.6,
  },
  {
    tier: 'medium',
    deploysPerWeek: 2.5,
    changesPerWeek: 9,
    commitAgeMs: [20 * HOUR_MS, 6 * 24 * HOUR_MS],
    changeFailureRate: 0.2,
    recoveryMs: [10 * HOUR_MS, 3 * 24 * HOUR_MS],
    detectionMs: [20 * MINUTE_MS, 4 * HOUR_MS],
    deployDurationMs: [10 * MINUTE_MS, 30 * MINUTE_MS],
    failedDeployRate: 0.08,
    cancelledDeployRate: 0.03,
    stagingRate: 0.8,
  },
  {
    tier: 'low',
    deploysPerWeek: 1,
    changesPerWeek: 5,
    commitAgeMs: [3 * 24 * HOUR_MS, 14 * 24 * HOUR_MS],
    changeFailureRate: 0.3,
    recoveryMs: [1 * 24 * HOUR_MS, 5 * 24 * HOUR_MS],
    detectionMs: [30 * MINUTE_MS, 6 * HOUR_MS],
    deployDurationMs: [15 * MINUTE_MS, 45 * MINUTE_MS],
    failedDeployRate: 0.12,
    cancelledDeployRate: 0.04,
    stagingRate: 1,
  },
];

/** The profile of a service, chosen from its name alone (not the seed). */
export function deliveryProfileFor(serviceName: string): DeliveryProfile {
  return PROFILES[
    hashString(`delivery-profile|${serviceName}`) % PROFILES.length
  ];
}

/** How one service uses the resources it requests. */
export interface ResourceProfile {
  cpuRequestCores: number;
  memoryRequestBytes: number;
  /** Mean usage as a share of the request: ~0.2 is over-provisioned, ~1 is hot. */
  cpuUtilisation: number;
  memoryUtilisation: number;
  replicas: number;
  sidecar: boolean;
}

const MIB = 1024 * 1024;

/** The resource profile of a service, chosen from its name alone. */
export function resourceProfileFor(serviceName: string): ResourceProfile {
  const h = hashString(`resource-profile|${serviceName}`);
  const size = h % 4;
  const fit = (h >>> 2) % 4;
  const utilisation = [0.2, 0.45, 0.7, 0.95][fit];
  return {
    cpuRequestCores: [0.25, 0.5, 1, 2][size],
    memoryRequestBytes: [256, 512, 1024, 2048][size] * MIB,
    cpuUtilisation: utilisation,
    memoryUtilisation: Math.min(1.05, utilisation + 0.15),
    replicas: 2 + ((h >>> 4) % 2),
    sidecar: (h >>> 5) % 5 < 2,
  };
}
