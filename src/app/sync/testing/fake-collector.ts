/**
 * For sync tests: fetch answered by the test. Each request takes the next scripted answer,
 * or the standing one; `ingest` behaves as the collector's batch endpoint does (accepted
 * once, duplicate after), so tests can count what arrived exactly once.
 */
import type { SurveyResponse } from '../../../shared/contract/response';
import type { SyncResult } from '../../../shared/contract/sync';
import type { FetchLike } from '../http';

export interface SeenRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body, parsed; undefined for none. */
  body: unknown;
}

export type Answer = (request: SeenRequest, signal: AbortSignal) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
}

export function text(status: number, body: string, contentType = 'text/html'): Answer {
  return () => new Response(body, { status, headers: { 'Content-Type': contentType } });
}

export function apiError(status: number, code: string, message: string, path?: string): Answer {
  return json(status, { error: { code, message, ...(path ? { path } : {}) } });
}

/** The connection fails before any answer, as fetch does offline. */
export function networkError(): Answer {
  return () => Promise.reject(new TypeError('Failed to fetch'));
}

/** No answer ever comes; the request ends only when its signal aborts. */
export function hang(): Answer {
  return (_, signal) =>
    new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
}

/** The responses in a batch request, as the device sent them. */
export function batchOf(request: SeenRequest): SurveyResponse[] {
  return (request.body as { responses: SurveyResponse[] }).responses;
}

export class FakeCollector {
  readonly requests: SeenRequest[] = [];
  /** What the collector holds, by response id. */
  readonly stored = new Map<string, SurveyResponse>();
  #script: Answer[] = [];
  #otherwise: Answer | undefined;
  #waiting: ((request: SeenRequest) => void)[] = [];

  constructor(
    private readonly now: () => number,
    /** How far the collector's clock is ahead of the device's, ms. */
    private readonly clockAheadMs = 0,
  ) {}

  /** The next requests get these answers, one each, in order. */
  script(...answers: Answer[]): this {
    this.#script.push(...answers);
    return this;
  }

  /** Requests beyond the script get this answer. */
  otherwise(answer: Answer): this {
    this.#otherwise = answer;
    return this;
  }

  serverTime(): string {
    return new Date(this.now() + this.clockAheadMs).toISOString();
  }

  /** GET /health as the collector answers it: up, with its clock. */
  health(): Answer {
    return (request, signal) =>
      json(200, { status: 'ok', database: 'sqlite', serverTime: this.serverTime() })(
        request,
        signal,
      );
  }

  /**
   * The batch endpoint: stores each record once and answers per record; `decide` may
   * refuse a record instead (return a result without the id).
   */
  ingest(decide?: (record: SurveyResponse) => Omit<SyncResult, 'id'> | undefined): Answer {
    return (request, signal) => {
      const results = batchOf(request).map((record): SyncResult => {
        const refusal = decide?.(record);
        if (refusal) return { id: record.id, ...refusal };
        const known = this.stored.has(record.id);
        this.stored.set(record.id, record);
        return { id: record.id, outcome: known ? 'duplicate' : 'accepted' };
      });
      return json(200, { serverTime: this.serverTime(), results })(request, signal);
    };
  }

  /** Resolves with the next request that arrives after this call. */
  nextRequest(): Promise<SeenRequest> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  readonly fetch: FetchLike = async (url, init) => {
    const raw = init.body;
    const request: SeenRequest = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof raw === 'string' ? JSON.parse(raw) : undefined,
    };
    this.requests.push(request);
    for (const resolve of this.#waiting.splice(0)) resolve(request);
    const answer = this.#script.shift() ?? this.#otherwise;
    if (!answer) throw new Error(`no answer scripted for ${request.method} ${url}`);
    const signal = init.signal ?? new AbortController().signal;
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    return answer(request, signal);
  };
}
