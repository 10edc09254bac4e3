import { CustomErrorBase, InputError } from '@backstage/errors';

/** Too many events or too many bytes (HTTP 413); nothing of the request is stored. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/**
 * A body in a media type (or charset, or content encoding) the route does not
 * read (HTTP 415); nothing of the request is stored.
 */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
  statusCode = 415;
}

/**
 * Rewrites body-parser's errors into ones that say which limit or rule the
 * request broke; anything else passes through unchanged.
 */
export function describeBodyError(error: unknown): unknown {
  const e = error as {
    type?: string;
    message?: string;
    limit?: number;
    length?: number;
  };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new InputError(`request body is not valid JSON: ${e.message}`);
    case 'entity.too.large':
      return new PayloadTooLargeError(
        `request body is ${e.length} bytes; the limit is ${e.limit} bytes (platform.intake.maxBodySize)`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError(
        `request body could not be read: ${e.message}`,
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new InputError(`request body could not be read: ${e.message}`);
    default:
      return error;
  }
}
