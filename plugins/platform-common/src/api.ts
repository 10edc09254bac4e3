import { CanonicalEventType, EventSubject } from './events';

/** Per-event outcome of `POST /events`, in request order. @public */
export type IngestItemResult =
  | { index: number; source: string; id: string; status: 'accepted' }
  | { index: number; source: string; id: string; status: 'duplicate' }
  | {
      index: number;
      source?: string;
      id?: string;
      status: 'rejected';
      error: string;
    };

/** Response of `POST /events`. @public */
export interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: IngestItemResult[];
}

/** Whether an event's subject resolved to a catalog entity. @public */
export type LinkStatus = 'linked' | 'unlinked';

/** One stored event as `GET /events` returns it. @public */
export interface StoredEvent {
  /** Position in the append-only log. */
  seq: number;
  id: string;
  source: string;
  type: CanonicalEventType;
  occurredAt: string;
  receivedAt: string;
  subject: EventSubject;
  entityRef: string | null;
  linkStatus: LinkStatus;
  /** Why the event is not linked yet (null once linked). */
  linkReason: string | null;
  data: Record<string, unknown>;
}

/** Response of `GET /events`. @public */
export interface EventListResponse {
  items: StoredEvent[];
  /** Pass as `after` to read the next page; absent on the last page. */
  nextCursor?: number;
}

/** Response of `GET /health`. @public */
export interface PlatformHealth {
  status: 'ok';
  database: 'ok';
  events: { total: number; unlinked: number; lastReceivedAt: string | null };
  linker: { entitiesIndexed: number; indexBuiltAt: string | null };
}
