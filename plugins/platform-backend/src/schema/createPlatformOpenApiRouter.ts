import { InputError } from '@backstage/errors';
import { ErrorRequestHandler, RequestHandler } from 'express';
import { describeValidationError } from './describeValidationError';
import { createOpenApiRouter } from './openapi.generated';

/**
 * Routes that read their own body: the intake (size limit with a 413, each
 * event checked on its own so one bad event does not fail the batch) and the
 * webhooks (the raw bytes are what the signature covers). The validator sees
 * `req.baseUrl + '/' + req.path` when mounted, hence no `^` anchor.
 */
const OWN_BODY_ROUTES = /\/(events|webhooks\/[^/]+)\/?$/;

/**
 * No router-wide body parser: the default `express.json()` would cap bodies at
 * 100kb and consume the webhooks' raw bytes. (`middleware: []` is not an
 * option: express rejects `router.use([])`.)
 */
const noBodyParser: RequestHandler = (_req, _res, next) => next();

/**
 * Every query parameter of this API is a single plain value. Express's query
 * parser turns `limit[]=5`, `entityRef[x]=y` and `limit=1&limit=2` into arrays
 * and objects, which lenient coercion would then accept (`Number(['5'])` is 5):
 * they are a 400 naming the parameter, on every route, before any validation.
 */
const singleValuedQuery: RequestHandler = (req, _res, next) => {
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value !== 'string') {
      next(
        new InputError(
          `${name}: must be given once, as a plain value (not repeated, not name[] or name[key])`,
        ),
      );
      return;
    }
  }
  next();
};

/** Registered before any route, so it sees only the validator's errors. */
const validationErrorsInOurWords: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => next(describeValidationError(error));

/**
 * The typed router of openapi.yaml with its request validation: query
 * parameters must be single values, then query and path parameters are checked against the spec (unknown ones, missing
 * required ones, bad enums, formats and integers are a 400 InputError that
 * names the parameter) and coerced in place (`excludeWeekends=true` arrives
 * as the boolean `true`). Bodies of `POST /events` and
 * `POST /webhooks/{sourceId}` are left to their routes.
 */
export async function createPlatformOpenApiRouter() {
  const router = await createOpenApiRouter({
    middleware: [singleValuedQuery, noBodyParser],
    validatorOptions: { ignorePaths: OWN_BODY_ROUTES },
  });
  router.use(validationErrorsInOurWords);
  return router;
}
