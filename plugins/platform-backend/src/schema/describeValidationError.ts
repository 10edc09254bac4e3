import { InputError } from '@backstage/errors';
import { isoTimestamp } from '@goldenpath/plugin-platform-common';

/** The wording every other timestamp check of this API uses. */
const TIMESTAMP_PROBLEM =
  isoTimestamp.safeParse('not a timestamp').error?.issues[0]?.message ??
  'must be an ISO-8601 timestamp with a time zone';

/** `<where> <problem>` → `<parameter>: <problem>`, as the zod checks say it. */
const RULES: Array<[RegExp, (...groups: string[]) => string]> = [
  [
    /^request\/(?:query|params|body|headers) must have required property '([^']+)'$/,
    name => `${name}: is required`,
  ],
  [
    /^request\/(?:query|params|body|headers)\/(\S+) (.+)$/,
    (where, problem) =>
      `${where.replace(/\//g, '.')}: ${
        problem === 'must match format "date-time"'
          ? TIMESTAMP_PROBLEM
          : problem
      }`,
  ],
  [/^Unknown query parameter '([^']+)'$/, name => `${name}: unknown parameter`],
  [
    /^Empty value found for query parameter '([^']+)'$/,
    name => `${name}: must not be empty`,
  ],
  [/^Parameter '([^']+)' (.+)$/, (name, problem) => `${name}: ${problem}`],
];

/**
 * Rewrites the request validator's messages ("request/query/from must match
 * format ...") into the API's own form ("from: must be an ISO-8601 ..."), so
 * a 400 reads the same whether the spec or a route's zod schema caught it.
 * Anything else passes through untouched.
 */
export function describeValidationError(error: unknown): unknown {
  if (!(error instanceof InputError)) {
    return error;
  }
  for (const [pattern, describe] of RULES) {
    const match = pattern.exec(error.message);
    if (match) {
      return new InputError(describe(...match.slice(1)));
    }
  }
  return error;
}
