import {
  DoraChangeRow,
  DoraDeploymentRow,
  DoraIncidentRow,
} from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { DoraUpserts } from './projectDoraEvents';

export interface DoraRowQuery {
  entityRefs: string[];
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

/** DORA projection tables. SQL only; the projection runner owns the cursor. */
export interface DoraStore {
  /** Upserts by natural key inside the runner's transaction (idempotent). */
  upsert(upserts: DoraUpserts, tx: Knex.Transaction): Promise<void>;
  /** Distinct deployment environments of these entities, sorted. */
  listEnvironments(entityRefs: string[]): Promise<string[]>;
  /** Deployments of any status and environment with finishedAt in the range. */
  listDeployments(query: DoraRowQuery): Promise<DoraDeploymentRow[]>;
  /** Changes merged in the range. */
  listChanges(query: DoraRowQuery): Promise<DoraChangeRow[]>;
  /** Incidents opened in the range. */
  listIncidents(query: DoraRowQuery): Promise<DoraIncidentRow[]>;
}
