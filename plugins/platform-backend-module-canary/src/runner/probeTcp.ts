import { connect } from 'node:net';
import {
  ProbeContext,
  ProbeFailure,
  describeNetworkFailure,
} from './ProbeFailure';
import { TcpCheck } from './types';

/** Opens a TCP connection and closes it at once. */
export async function probeTcp(
  check: TcpCheck,
  context: ProbeContext,
): Promise<void> {
  const target = `${check.host}:${check.port}`;
  context.log(`connect to ${target}`);
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: check.host, port: check.port });
    const abort = () => {
      socket.destroy();
      reject(context.signal.reason);
    };
    context.signal.addEventListener('abort', abort, { once: true });
    socket.once('connect', () => {
      context.log(
        `connected to ${socket.remoteAddress}:${
          socket.remotePort
        } after ${context.elapsedMs()} ms`,
      );
      context.signal.removeEventListener('abort', abort);
      socket.destroy();
      resolve();
    });
    socket.once('error', error => {
      context.signal.removeEventListener('abort', abort);
      socket.destroy();
      const failure = describeNetworkFailure(error, target);
      reject(failure ? new ProbeFailure([failure]) : error);
    });
  });
}
