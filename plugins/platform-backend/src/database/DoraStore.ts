import {
  DoraChangeRow,
  DoraDeploymentRow,
  DoraIncidentRow,
} from '@goldenpath/plugin-platform-common';
import { DoraUpserts } from '../dora/projectDoraEvents';

export interface DoraRowQuery {
  entityRefs: string[];
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

/** DORA projection tables and the projector's cursor. SQL only. */
export interface DoraStore {
  getCursor(): Promise<number>;
  /** Upserts the rows and moves the cursor to `cursor`, in one transaction. */
  apply(upserts: DoraUpserts, cursor: number): Promise<void>;
  /** Moves the cursor back (never forward) so relinked events are projected. */
  rewind(toSeq: number): Promise<void>;
  /** Deployments of any status and environment with finishedAt in the range. */
  listDeployments(query: DoraRowQuery): Promise<DoraDeploymentRow[]>;
  /** Changes merged in the range. */
  listChanges(query: DoraRowQuery): Promise<DoraChangeRow[]>;
  /** Incidents opened in the range. */
  listIncidents(query: DoraRowQuery): Promise<DoraIncidentRow[]>;
}
