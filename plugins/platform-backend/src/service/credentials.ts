import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { RequestHandler, Request } from 'express';

/**
 * Paths that authenticate another way: a webhook is checked by its source's
 * signature. Case-insensitive, like express's routing, so `/Webhooks/x` cannot
 * reach a webhook route without passing here first.
 */
const UNAUTHENTICATED_PATHS = /^\/webhooks(\/|$)/i;

/**
 * The caller's user or service credentials, with every failure to read them
 * turned into a short 401 (or the 403 of a valid credential that is not
 * accepted here).
 *
 * Backstage's auth service lets some malformed tokens escape as other errors:
 * a token whose header says it is a plugin token but whose payload cannot be
 * decoded throws jose's `JWTInvalid`, which the error handler answers with 500
 * and, in development, a stack trace. Whatever the parser throws, a credential
 * that cannot be read is a bad credential. The errors are new ones, without
 * the parser's stack or cause.
 */
export async function requireCredentials(
  httpAuth: HttpAuthService,
  req: Request<any, any, any, any, any>,
): Promise<BackstageCredentials> {
  try {
    return await httpAuth.credentials(req, { allow: ['user', 'service'] });
  } catch (error) {
    throw withoutStack(describeCredentialError(error));
  }
}

function describeCredentialError(error: unknown): Error {
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  if (name === 'NotAllowedError') {
    return new NotAllowedError(String(message));
  }
  if (name === 'AuthenticationError' && message) {
    return new AuthenticationError(message);
  }
  return new AuthenticationError(
    'invalid credentials: the token cannot be read',
  );
}

function withoutStack(error: Error): Error {
  delete error.stack;
  return error;
}

/**
 * The plugin's credentials barrier, registered before anything else on its
 * router (before the request validator and any body parser), so no request
 * without a valid credential is parsed, validated or routed.
 *
 * It replaces the framework's barrier for this plugin: `plugin.ts` registers
 * the auth policy `{ path: '/', allow: 'unauthenticated' }`, because the
 * framework's barrier runs before the plugin's router and answers a malformed
 * token with a 500 that no plugin code can catch (see docs/decisions.md,
 * "Hardening (issue 7)"). The webhooks stay unauthenticated here, as they were
 * there.
 */
export function credentialsBarrier(httpAuth: HttpAuthService): RequestHandler {
  return (req, _res, next) => {
    if (UNAUTHENTICATED_PATHS.test(req.path)) {
      next();
      return;
    }
    requireCredentials(httpAuth, req).then(() => next(), next);
  };
}
