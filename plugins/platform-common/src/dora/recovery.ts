import type { IncidentLinks } from './incidentLinks';
import type { ShippedDeployment } from './shipping';
import { hoursBetween, isInWindow, TimeWindow } from '../time/utc';
import type { DoraIncidentRow } from './types';

export interface IncidentRecovery {
  incident: DoraIncidentRow;
  openedMs: number;
  /** The earlier of openedAt and any linked deployment's finishedAt. */
  impactStartedMs: number;
  /** Set only when resolved before the window ends; otherwise the incident counts as open. */
  resolvedMs: number | undefined;
  hours: number | null;
}

/** Incidents the window is answerable for: linked to one of its deployments, or opened in it. */
export function incidentRecoveries(
  incidents: DoraIncidentRow[],
  links: IncidentLinks,
  windowDeployments: Set<ShippedDeployment>,
  window: TimeWindow,
): IncidentRecovery[] {
  return incidents.flatMap(incident => {
    const linked = links.deploymentsOf(incident);
    const openedMs = Date.parse(incident.openedAt);
    if (
      !isInWindow(openedMs, window) &&
      !linked.some(deployment => windowDeployments.has(deployment))
    ) {
      return [];
    }
    const impactStartedMs = Math.min(
      openedMs,
      ...linked.map(deployment => deployment.finishedMs),
    );
    const resolvedAtMs = incident.resolvedAt
      ? Date.parse(incident.resolvedAt)
      : undefined;
    const resolvedMs =
      resolvedAtMs !== undefined && resolvedAtMs < window.toMs
        ? resolvedAtMs
        : undefined;
    // Resolved before the impact started is bad data; call it instant.
    const hours =
      resolvedMs === undefined
        ? null
        : Math.max(0, hoursBetween(impactStartedMs, resolvedMs));
    return [{ incident, openedMs, impactStartedMs, resolvedMs, hours }];
  });
}
