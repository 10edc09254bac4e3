import { isoTimestamp } from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import {
  decimalInteger,
  entityRefParam,
  parseQuery,
} from '../service/requestSchemas';
import {
  CanaryIncidentsRequest,
  CanaryRunsRequest,
  CanaryStatusRequest,
} from './CanaryService';

const timestamp = isoTimestamp.transform(v => new Date(v).toISOString());
const name = z.string().min(1).max(200);

const statusQuery = z.strictObject({
  entityRef: entityRefParam,
  window: z.enum(['1h', '24h', '7d', '30d']).optional(),
});

/** Parses `GET /canary/status`; a bad parameter is a 400 naming it. */
export function parseStatusQuery(query: unknown): CanaryStatusRequest {
  return parseQuery(statusQuery, query);
}

const entityQuery = z.strictObject({ entityRef: entityRefParam });

/** Parses `GET /canary/rollouts`. */
export function parseEntityQuery(query: unknown): { entityRef: string } {
  return parseQuery(entityQuery, query);
}

const runsQuery = z.strictObject({
  entityRef: entityRefParam,
  cluster: name,
  check: name,
  from: timestamp.optional(),
  to: timestamp.optional(),
  // the OpenAPI validator has already made it a number; direct callers send text
  limit: z
    .union([z.number().int(), decimalInteger])
    .pipe(z.number().min(1).max(2000))
    .optional(),
});

/** Parses `GET /canary/runs`. */
export function parseRunsQuery(query: unknown): CanaryRunsRequest {
  return parseQuery(runsQuery, query);
}

const incidentsQuery = z.strictObject({
  entityRef: entityRefParam,
  from: timestamp.optional(),
  to: timestamp.optional(),
});

/** Parses `GET /canary/incidents`. */
export function parseIncidentsQuery(query: unknown): CanaryIncidentsRequest {
  return parseQuery(incidentsQuery, query);
}

const runNowParams = z.strictObject({ cluster: name, check: name });

/** Parses the path of `POST /canary/clusters/{cluster}/checks/{check}/run`. */
export function parseRunNowParams(params: unknown): {
  cluster: string;
  check: string;
} {
  return parseQuery(runNowParams, params);
}
