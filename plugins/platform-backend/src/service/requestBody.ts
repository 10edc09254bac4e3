import { InputError } from '@backstage/errors';
import { ErrorRequestHandler, Request } from 'express';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
};

/**
 * A body size limit in bytes: a number of bytes, or a string such as `512kb`,
 * `1.5mb`, `25mb` (units of 1024, as body-parser reads them). Anything else is
 * a configuration error at startup, naming where it was set.
 */
export function parseByteSize(value: string | number, where: string): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return value;
  } else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
    if (match) {
      const bytes = Math.floor(
        Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()],
      );
      if (Number.isSafeInteger(bytes) && bytes > 0) return bytes;
    }
  }
  throw new Error(
    `${where}: ${JSON.stringify(
      value,
    )} is not a size; use a number of bytes or e.g. "512kb", "25mb"`,
  );
}

/**
 * Checks the request's Content-Type against the media types a route reads
 * (`application/json`, case-insensitive, with or without parameters). A
 * charset, if given, must be UTF-8: that is how the body is decoded. A
 * Content-Encoding other than `identity` is refused too: signatures and
 * sizes are about the bytes as sent. 415 otherwise, before any byte is read.
 */
export function requireContentType(
  req: Request<any, any, any, any, any>,
  accepted: readonly string[],
): void {
  const header = req.headers['content-type'];
  const expected = accepted.join(' or ');
  if (!header) {
    throw new UnsupportedMediaTypeError(
      `Content-Type: required, must be ${expected}`,
    );
  }
  const [mediaType, ...params] = header.split(';');
  const type = mediaType.trim().toLowerCase();
  if (!accepted.some(a => a.toLowerCase() === type)) {
    throw new UnsupportedMediaTypeError(
      `Content-Type: "${type}" is not accepted here; must be ${expected}`,
    );
  }
  for (const param of params) {
    const [name, value = ''] = param.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      throw new UnsupportedMediaTypeError(
        `Content-Type: charset "${charset}" is not accepted; send UTF-8`,
      );
    }
  }
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.trim().toLowerCase() !== 'identity') {
    throw new UnsupportedMediaTypeError(
      `Content-Encoding: "${encoding}" is not accepted; send the body uncompressed`,
    );
  }
}

/**
 * Reads the request body as raw bytes, at most `limit` of them. A declared
 * Content-Length over the limit is refused before a byte is read; a body that
 * grows past it (chunked) is refused as soon as it does, and the rest is not
 * read (see `closeIfBodyUnread`).
 */
export function readRawBody(
  req: Request<any, any, any, any, any>,
  limit: number,
  limitName: string,
): Promise<Buffer> {
  const tooLarge = (size: string) =>
    new PayloadTooLargeError(
      `request body is ${size} bytes; the limit is ${limit} bytes (${limitName})`,
    );
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(tooLarge(declared));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let cleanup = () => {};
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(tooLarge(`more than ${limit}`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(
        new InputError(`request body could not be read: ${error.message}`),
      );
    };
    const onClose = () => {
      cleanup();
      reject(new InputError('request body could not be read: request aborted'));
    };
    cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * A request refused before its body was read (no credential, unknown webhook
 * source, wrong media type, declared size over the limit) is answered with
 * `Connection: close`. Otherwise Node reads the unread rest of the body to
 * keep the connection alive: an unauthenticated client could still make the
 * server take in megabytes, or hold it with a body that never ends.
 */
export const closeIfBodyUnread: ErrorRequestHandler = (
  error,
  req,
  res,
  next,
) => {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] ?? '0') !== '0';
  if (hasBody && !req.readableEnded && !res.headersSent) {
    res.set('Connection', 'close');
  }
  next(error);
};
