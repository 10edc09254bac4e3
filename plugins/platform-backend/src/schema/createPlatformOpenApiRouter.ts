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

/** Registered before any route, so it sees only the validator's errors. */
const validationErrorsInOurWords: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => next(describeValidationError(error));

/**
 * The typed router of openapi.yaml with its request validation: query and
 * path parameters are checked against the spec (unknown ones, missing
 * required ones, bad enums, formats and integers are a 400 InputError that
 * names the parameter) and coerced in place (`excludeWeekends=true` arrives
 * as the boolean `true`). Bodies of `POST /events` and
 * `POST /webhooks/{sourceId}` are left to their routes.
 */
export async function createPlatformOpenApiRouter() {
  const router = await createOpenApiRouter({
    middleware: [noBodyParser],
    validatorOptions: { ignorePaths: OWN_BODY_ROUTES },
  });
  router.use(validationErrorsInOurWords);
  return router;
}
