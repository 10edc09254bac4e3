import type { ShippedDeployment, ShippingLedger } from './shipping';
import type { DoraIncidentRow } from './types';

export interface IncidentLinks {
  deploymentsOf(incident: DoraIncidentRow): ShippedDeployment[];
  incidentsOf(deployment: ShippedDeployment): DoraIncidentRow[];
}

/**
 * An incident is linked to the deployment named by `causedByDeploymentId` and
 * to the deployment that first shipped its `rootCauseSha`, both in the
 * incident's entity (ids, like shas, are unique only within an entity, so a
 * Group roll-up never blames another component's deployment): both are when
 * the fault reached the environment.
 */
export function linkIncidents(
  incidents: DoraIncidentRow[],
  ledger: ShippingLedger,
): IncidentLinks {
  const deploymentsByIncident = new Map<DoraIncidentRow, ShippedDeployment[]>();
  const incidentsByDeployment = new Map<ShippedDeployment, DoraIncidentRow[]>();

  for (const incident of incidents) {
    const byId = incident.causedByDeploymentId
      ? ledger.withId(incident.entityRef, incident.causedByDeploymentId)
      : [];
    const bySha = incident.rootCauseSha
      ? ledger.firstShipmentOf(incident.entityRef, incident.rootCauseSha)
      : undefined;
    const linked = [...new Set(bySha ? [...byId, bySha] : byId)];
    deploymentsByIncident.set(incident, linked);
    for (const deployment of linked) {
      const list = incidentsByDeployment.get(deployment) ?? [];
      list.push(incident);
      incidentsByDeployment.set(deployment, list);
    }
  }

  return {
    deploymentsOf: incident => deploymentsByIncident.get(incident) ?? [],
    incidentsOf: deployment => incidentsByDeployment.get(deployment) ?? [],
  };
}

/**
 * Deployments counted as failed: linked to an incident, or rolled back by the
 * entity's next deployment. A set, so three incidents make one failure.
 */
export function failedDeployments(
  ledger: ShippingLedger,
  links: IncidentLinks,
): Set<ShippedDeployment> {
  const failed = new Set<ShippedDeployment>();
  for (const deployment of ledger.deployments) {
    if (links.incidentsOf(deployment).length > 0) {
      failed.add(deployment);
    }
    if (deployment.row.rollback && deployment.previous) {
      failed.add(deployment.previous);
    }
  }
  return failed;
}
