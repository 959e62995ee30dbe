/**
 * The Node listener around the HTTP app. Closing stops new connections, lets requests in
 * flight finish (a batch half-stored is still one transaction), then drops idle sockets.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** How long requests in flight may take to finish when the collector stops. */
const CLOSE_GRACE_MS = 10_000;

export class ListenError extends Error {}

export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; host: string },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname: options.host });
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${options.host}:${options.port}`;
      if (error.code === 'EADDRINUSE') {
        reject(
          new ListenError(`port ${options.port} is in use: stop the other program or set PORT`),
        );
      } else if (error.code === 'EACCES') {
        reject(new ListenError(`not allowed to listen on ${where}: choose a PORT above 1023`));
      } else {
        reject(new ListenError(`cannot listen on ${where}: ${error.message}`));
      }
    });
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            const force = setTimeout(() => {
              if ('closeAllConnections' in server) server.closeAllConnections();
            }, CLOSE_GRACE_MS);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
  });
}
