import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
  listen,
  type RunningServer,
} from './listen';

/** Small limits so a test sees them act; the defaults are for people on real networks. */
const TEST_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 200,
  requestTimeoutMs: 400,
  keepAliveTimeoutMs: 200,
  timeoutCheckIntervalMs: 50,
  maxConnections: 2,
};

/** Resolves when the socket is closed, with everything the collector sent on it. */
function closed(socket: Socket): Promise<string> {
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {}); // a reset is a close too
  return new Promise((resolve) => socket.once('close', () => resolve(received)));
}

function opened(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('listen', () => {
  let server: RunningServer | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await server?.close();
    server = undefined;
  });

  async function start(limits?: ConnectionLimits) {
    server = await listen(() => new Response('ok'), { port: 0, host: '127.0.0.1', limits });
    return server.port;
  }

  it('disconnects a client that never finishes its headers (slowloris)', async () => {
    const port = await start(TEST_LIMITS);
    const socket = await opened(port);
    sockets.push(socket);
    const whenClosed = closed(socket);
    socket.write('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: a');
    const received = await whenClosed;
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('still answers a client that sends its request whole', async () => {
    const port = await start(TEST_LIMITS);
    const reply = await fetch(`http://127.0.0.1:${port}/`);
    expect(await reply.text()).toBe('ok');
  });

  it('closes connections beyond the cap at once and keeps the others', async () => {
    const port = await start(TEST_LIMITS);
    const first = await opened(port);
    const second = await opened(port);
    sockets.push(first, second);
    const third = await opened(port);
    sockets.push(third);
    expect(await closed(third)).toBe('');
    const answer = new Promise<string>((resolve) => first.once('data', (d) => resolve(String(d))));
    first.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
  });

  it('has limits a person would choose: timeouts in seconds, headers before the body', () => {
    const limits = DEFAULT_CONNECTION_LIMITS;
    expect(limits.headersTimeoutMs).toBeLessThanOrEqual(limits.requestTimeoutMs);
    expect(limits.headersTimeoutMs).toBeLessThan(60_000); // Node's own default
    expect(limits.requestTimeoutMs).toBeLessThan(300_000); // Node's own default
    expect(Number.isFinite(limits.maxConnections)).toBe(true);
  });
});
