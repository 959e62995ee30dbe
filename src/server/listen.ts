/**
 * The Node listener around the HTTP app, with limits on how long a client may take and how
 * many may be connected, so a slow or stalled client (a slowloris sending its headers a
 * byte at a time) cannot hold the collector. Closing stops new connections, lets requests
 * in flight finish (a batch half-stored is still one transaction), then drops idle sockets.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** How long requests in flight may take to finish when the collector stops. */
const CLOSE_GRACE_MS = 10_000;

/** How long a client may take, and how many may be connected at once. */
export interface ConnectionLimits {
  /** From a connection's first byte to the end of its request line and headers (Node: 408). */
  headersTimeoutMs: number;
  /** From the first byte to the end of the request's body: a 1 MiB batch on a slow link. */
  requestTimeoutMs: number;
  /**
   * How long an idle connection stays open for the next request. Longer than a reverse
   * proxy keeps its idle connections to the collector (nginx: 60 s), so the proxy never
   * sends a request on a connection the collector is closing.
   */
  keepAliveTimeoutMs: number;
  /** How often Node looks for connections past the two timeouts above. */
  timeoutCheckIntervalMs: number;
  /**
   * Connections beyond this are closed at once. Behind a proxy they come from the proxy; a
   * file descriptor each, well under the usual limit of open files.
   */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 65_000,
  timeoutCheckIntervalMs: 5_000,
  maxConnections: 1_000,
};

export class ListenError extends Error {}

export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; host: string; limits?: ConnectionLimits },
): Promise<RunningServer> {
  const limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch,
      port: options.port,
      hostname: options.host,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
      },
    });
    server.maxConnections = limits.maxConnections;
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
