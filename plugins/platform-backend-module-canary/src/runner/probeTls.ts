import { isIP } from 'node:net';
import {
  PeerCertificate,
  TLSSocket,
  connect,
  rootCertificates,
} from 'node:tls';
import {
  ProbeContext,
  ProbeFailure,
  describeNetworkFailure,
} from './ProbeFailure';
import { TlsCheck } from './types';

const DAY_MS = 86_400_000;

function handshake(
  check: TlsCheck,
  context: ProbeContext,
): Promise<{ socket: TLSSocket; cert: PeerCertificate }> {
  const target = `${check.host}:${check.port}`;
  const servername = check.servername ?? check.host;
  return new Promise((resolve, reject) => {
    // Verification is done below rather than by the handshake, so an
    // untrusted or expired certificate still tells its dates.
    const socket = connect({
      host: check.host,
      port: check.port,
      ...(isIP(servername) ? {} : { servername }),
      ca: check.ca ? [...rootCertificates, check.ca] : undefined,
      rejectUnauthorized: false,
    });
    const abort = () => {
      socket.destroy();
      reject(context.signal.reason);
    };
    context.signal.addEventListener('abort', abort, { once: true });
    socket.once('secureConnect', () => {
      context.signal.removeEventListener('abort', abort);
      resolve({ socket, cert: socket.getPeerCertificate() });
    });
    socket.once('error', error => {
      context.signal.removeEventListener('abort', abort);
      socket.destroy();
      const failure = describeNetworkFailure(error, target);
      reject(failure ? new ProbeFailure([failure]) : error);
    });
  });
}

/**
 * A TLS handshake: the certificate must be trusted (system CAs plus `ca`),
 * match the server name, and expire no sooner than `minDaysToExpiry` days.
 */
export async function probeTls(
  check: TlsCheck,
  context: ProbeContext,
): Promise<void> {
  const servername = check.servername ?? check.host;
  context.log(
    `TLS handshake with ${check.host}:${check.port} for ${servername}`,
  );
  const { socket, cert } = await handshake(check, context);
  try {
    if (!cert || !cert.valid_to) {
      throw new ProbeFailure([`${servername}: the server sent no certificate`]);
    }
    const validTo = new Date(cert.valid_to);
    const daysLeft = Math.floor((validTo.getTime() - context.now()) / DAY_MS);
    context.log(
      `${socket.getProtocol()} certificate subject ${
        cert.subject?.CN ?? '?'
      }, issuer ${cert.issuer?.CN ?? '?'}, valid ${cert.valid_from} to ${
        cert.valid_to
      }, ${daysLeft} days left`,
    );
    if (cert.subjectaltname) context.log(`names: ${cert.subjectaltname}`);

    const errors: string[] = [];
    if (!socket.authorized) {
      errors.push(
        `certificate for ${servername} is not trusted: ${String(
          socket.authorizationError,
        )}`,
      );
    }
    if (validTo.getTime() <= context.now()) {
      errors.push(
        `certificate for ${servername} expired ${Math.floor(
          (context.now() - validTo.getTime()) / DAY_MS,
        )} days ago (${validTo.toISOString()})`,
      );
    } else if (daysLeft < check.minDaysToExpiry) {
      errors.push(
        `certificate for ${servername} expires in ${daysLeft} days (${validTo.toISOString()}), less than the minimum of ${
          check.minDaysToExpiry
        }`,
      );
    }
    if (errors.length > 0) throw new ProbeFailure(errors);
  } finally {
    socket.destroy();
  }
}
