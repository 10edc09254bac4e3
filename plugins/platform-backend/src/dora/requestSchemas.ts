import { isoTimestamp } from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { entityRefParam, parseQuery } from '../service/requestSchemas';
import { DoraRequest } from './DoraService';

const doraQuery = z.strictObject({
  entityRef: entityRefParam,
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  environment: z.string().trim().min(1).max(100).optional(),
  leadTimeStart: z.enum(['commit', 'merge']).optional(),
  // The OpenAPI validator has already coerced it to a boolean; direct callers send text.
  excludeWeekends: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  tierModel: z.enum(['2024', '2023']).optional(),
});

/** Parses the DORA routes' query; a bad or missing parameter is a 400 naming it. */
export function parseDoraQuery(query: unknown): DoraRequest {
  const { excludeWeekends, ...rest } = parseQuery(doraQuery, query);
  return {
    ...rest,
    ...(excludeWeekends === undefined
      ? {}
      : { excludeWeekends: String(excludeWeekends) === 'true' }),
  };
}

const environmentsQuery = z.strictObject({ entityRef: entityRefParam });

/** Parses `GET /dora/environments`. */
export function parseEnvironmentsQuery(query: unknown): { entityRef: string } {
  return parseQuery(environmentsQuery, query);
}
