import { createServer as createHttpServer, RequestListener } from 'node:http';
import { AddressInfo, Server, createServer as createTcpServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { generate } from 'selfsigned';

async function listen(server: Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server & { closeAllConnections?: () => void }) {
  return () =>
    new Promise<void>(resolve => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
}

/** A local HTTP server answering with `handler`. */
export async function startHttpServer(handler: RequestListener) {
  const sockets = new Set<import('node:net').Socket>();
  const server = createHttpServer(handler);
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that accepts and says nothing (also: never answers HTTP). */
export async function startSilentTcpServer() {
  const sockets = new Set<import('node:net').Socket>();
  const server = createTcpServer(socket => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await closer(server)();
  return port;
}

/**
 * A self-signed certificate for localhost and 127.0.0.1 that expires in
 * `days` days, generated now (so the test never depends on a stored date).
 */
export function selfSignedCertificate(days: number) {
  const pems = generate([{ name: 'commonName', value: 'localhost' }], {
    days,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** A local TLS server presenting `cert`. */
export async function startTlsServer(pems: { cert: string; key: string }) {
  const server = createTlsServer(pems, socket => {
    socket.on('error', () => {});
    socket.end();
  });
  server.on('tlsClientError', () => {});
  const port = await listen(server);
  return { port, close: closer(server) };
}
