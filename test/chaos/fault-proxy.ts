/**
 * The library network between the kiosks and the collector, at its worst: an HTTP proxy
 * that decides for each request, from a seeded random source, what goes wrong.
 *
 * - `reset`: the connection is dropped before anything reaches the collector;
 * - `bad-gateway`: a 502 from the proxy, the collector never sees the request
 *   (these two together are `failBeforeShare` of requests, 30% by default);
 * - `captive-portal`: a 200 with an HTML sign-in page instead of the collector's JSON;
 * - `throttled` / `unavailable`: a burst of 429 or 503 with Retry-After, several
 *   requests in a row;
 * - `latency`: the request waits up to `maxLatencyMs` before it is forwarded;
 * - `cut-reply`: the request is forwarded, the collector stores and answers, and the
 *   device's connection is destroyed before the answer reaches it;
 * - `collector-down`: the collector was not there (killed, restarting) or died while
 *   answering; the proxy answers 502 as a reverse proxy does.
 *
 * The decisions follow the order requests arrive in, which the machine's timing decides;
 * the seed makes the sequence of decisions repeatable, not the interleaving.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from './random';

export const FAULT_KINDS = [
  'reset',
  'bad-gateway',
  'captive-portal',
  'throttled',
  'unavailable',
  'latency',
  'cut-reply',
  'collector-down',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRates {
  /** Share of requests dropped or answered 502 before reaching the collector. */
  failBefore: number;
  captivePortal: number;
  /** Chance that a request starts a burst of 429 or 503. */
  burstStart: number;
  /** Requests in a burst, at most. */
  burstLength: number;
  /** Share of forwarded requests delayed, by up to maxLatencyMs. */
  latency: number;
  maxLatencyMs: number;
  /** Share of forwarded requests whose reply is cut after the collector answered. */
  cutReply: number;
  /** Retry-After of a burst, seconds: at most this (at least 1). */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_FAULT_RATES: FaultRates = {
  failBefore: 0.3,
  captivePortal: 0.03,
  burstStart: 0.01,
  burstLength: 20,
  latency: 0.3,
  maxLatencyMs: 3000,
  cutReply: 0.1,
  maxRetryAfterSeconds: 5,
};

const CAPTIVE_PORTAL_PAGE =
  '<!doctype html><html><head><title>Library Wi-Fi</title></head>' +
  '<body><h1>Welcome to the library network</h1><p>Accept the terms to continue.</p></body></html>';

export interface FaultProxy {
  url: string;
  faults: Record<FaultKind, number>;
  /** Requests the proxy received. */
  requests(): number;
  /** Resolves when a batch of responses is next handed to the collector. */
  nextBatchForwarded(): Promise<void>;
  close(): Promise<void>;
}

/** What happens to a request before it could reach the collector, from a roll in [0, 1). */
export function faultBefore(
  roll: number,
  rates: FaultRates,
): 'reset' | 'bad-gateway' | 'captive-portal' | 'burst' | undefined {
  const edges = [
    ['reset', rates.failBefore / 2],
    ['bad-gateway', rates.failBefore / 2],
    ['captive-portal', rates.captivePortal],
    ['burst', rates.burstStart],
  ] as const;
  let edge = 0;
  for (const [kind, share] of edges) {
    edge += share;
    if (roll < edge) return kind;
  }
  return undefined;
}

function countFaults(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
}

export async function startFaultProxy(options: {
  /** Where the collector listens, e.g. http://127.0.0.1:8787. */
  target: string;
  random: Random;
  rates?: Partial<FaultRates>;
}): Promise<FaultProxy> {
  const rates = { ...DEFAULT_FAULT_RATES, ...options.rates };
  const { random } = options;
  const target = new URL(options.target);
  const faults = countFaults();
  let received = 0;
  let bursts = 0;
  let burst: { kind: 'throttled' | 'unavailable'; left: number } | undefined;
  let batchWaiters: (() => void)[] = [];

  function answer(res: ServerResponse, status: number, type: string, body: string, extra = {}) {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(body);
  }

  function burstReply(res: ServerResponse, kind: 'throttled' | 'unavailable') {
    faults[kind]++;
    const status = kind === 'throttled' ? 429 : 503;
    const retryAfter = String(random.int(1, rates.maxRetryAfterSeconds));
    const body = JSON.stringify({
      error: { code: kind === 'throttled' ? 'rate-limited' : 'unavailable', message: 'busy' },
    });
    answer(res, status, 'application/json', body, { 'Retry-After': retryAfter });
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, cut: boolean) {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('error', () => collectorDown(res));
        reply.on('end', () => {
          if (cut) {
            // The collector has answered (and stored the batch); the device never hears it.
            faults['cut-reply']++;
            res.socket?.destroy();
            return;
          }
          const headers = { ...reply.headers };
          delete headers['transfer-encoding'];
          headers['content-length'] = String(Buffer.concat(chunks).length);
          res.writeHead(reply.statusCode ?? 502, headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => collectorDown(res));
    upstream.end(body);
    if (req.method === 'POST' && req.url?.endsWith('/responses')) {
      for (const resolve of batchWaiters.splice(0)) resolve();
    }
  }

  function collectorDown(res: ServerResponse) {
    if (res.headersSent || res.destroyed) return;
    faults['collector-down']++;
    answer(res, 502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>');
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    received++;
    if (burst) {
      const { kind } = burst;
      if (--burst.left <= 0) burst = undefined;
      return burstReply(res, kind);
    }
    const before = faultBefore(random.next(), rates);
    if (before === 'reset') {
      faults.reset++;
      return req.socket.destroy();
    }
    if (before === 'bad-gateway') {
      faults['bad-gateway']++;
      return answer(res, 502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    if (before === 'captive-portal') {
      faults['captive-portal']++;
      return answer(res, 200, 'text/html; charset=utf-8', CAPTIVE_PORTAL_PAGE);
    }
    if (before === 'burst') {
      // Bursts take turns: 429 (too many requests), then 503 (busy or in maintenance).
      const kind = bursts++ % 2 === 0 ? 'throttled' : 'unavailable';
      burst = { kind, left: random.int(1, rates.burstLength) };
      return burstReply(res, kind);
    }
    const cut = random.chance(rates.cutReply);
    if (random.chance(rates.latency)) {
      faults.latency++;
      setTimeout(() => forward(req, res, body, cut), random.next() * rates.maxLatencyMs);
      return;
    }
    forward(req, res, body, cut);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
    req.on('error', () => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests: () => received,
    nextBatchForwarded: () => new Promise((resolve) => batchWaiters.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        batchWaiters = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
