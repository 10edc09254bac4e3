import { isoTimestamp } from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { entityRefParam, parseQuery } from '../service/requestSchemas';
import { CostPodsRequest, CostWindowRequest } from './CostService';

const windowQuery = {
  entityRef: entityRefParam,
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
};

const costQuery = z.strictObject(windowQuery);

/** Parses `/cost/summary`, `/cost/recommendations`, `/cost/deployments`; a bad parameter is a 400 naming it. */
export function parseCostQuery(query: unknown): CostWindowRequest {
  return parseQuery(costQuery, query);
}

const podsQuery = z.strictObject({
  ...windowQuery,
  cluster: z.string().min(1).max(200),
  namespace: z.string().min(1).max(63),
  controllerKind: z.string().min(1).max(63),
  controller: z.string().min(1).max(253),
});

/** Parses `/cost/pods`: the window and one controller. */
export function parsePodsQuery(query: unknown): CostPodsRequest {
  return parseQuery(podsQuery, query);
}
