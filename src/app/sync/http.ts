/**
 * One request to the collector, bounded in time: the timeout covers the body as well as
 * the headers, because a stalled mobile connection can hang halfway through either. The
 * method and path come from the contract's endpoint table; the outcome is plain data for
 * the classifiers; nothing here throws for a network failure.
 */
import {
  apiPath,
  type Endpoint,
  type PathArgs,
  type PathParamNames,
  type PathParams,
} from '../../shared/contract/endpoints';

/** A request the collector has not answered within this long is abandoned and retried. */
export const SYNC_REQUEST_TIMEOUT_MS = 30_000;

/** fetch as the sync code uses it; the browser's fetch and test fakes both fit. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What every collector call needs: where it is, how to reach it, what time it is. */
export interface CollectorDeps {
  /** '' when the collector serves the app (same origin), else its origin, no trailing slash. */
  baseUrl: string;
  fetch: FetchLike;
  /** ms since the epoch, device clock */
  now: () => number;
  timers: Timers;
}

export type HttpOutcome =
  | { kind: 'network-error'; detail: string }
  | { kind: 'timeout' }
  | {
      kind: 'reply';
      status: number;
      headers: Headers;
      body: string;
      /** Device clock just before the request and when the headers arrived, for the offset. */
      sentAt: number;
      receivedAt: number;
    };

/**
 * What a call to endpoint E carries: its path parameters when it has any, the device's
 * or public link's token exactly when the endpoint requires one, a JSON body, extra headers.
 */
export type CollectorRequest<E extends Endpoint> = ([PathParamNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<E> }) &
  (E['auth'] extends 'device' | 'link' ? { token: string } : { token?: undefined }) & {
    /** The body, already serialised (a batch is measured in bytes before it is sent). */
    json?: string;
    headers?: Record<string, string>;
  };

export async function requestCollector<E extends Endpoint>(
  deps: CollectorDeps,
  endpoint: E,
  request: CollectorRequest<E>,
  timeoutMs = SYNC_REQUEST_TIMEOUT_MS,
): Promise<HttpOutcome> {
  const path = apiPath(endpoint, ...((request.params ? [request.params] : []) as PathArgs<E>));
  const controller = new AbortController();
  const timer = deps.timers.setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  if (request.json !== undefined) headers['Content-Type'] = 'application/json';
  const sentAt = deps.now();
  try {
    const reply = await deps.fetch(`${deps.baseUrl}${path}`, {
      method: endpoint.method,
      headers,
      ...(request.json !== undefined ? { body: request.json } : {}),
      // Answers and acknowledgements must come from the collector, never from a cache.
      cache: 'no-store',
      signal: controller.signal,
    });
    const receivedAt = deps.now();
    const body = await reply.text();
    return {
      kind: 'reply',
      status: reply.status,
      headers: reply.headers,
      body,
      sentAt,
      receivedAt,
    };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout' };
    return {
      kind: 'network-error',
      detail: error instanceof Error ? error.message : String(error),
    };
  } finally {
    deps.timers.clearTimeout(timer);
  }
}
