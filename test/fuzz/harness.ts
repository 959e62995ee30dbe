/**
 * What every HTTP fuzz test shares: sending a generated request to the collector's app
 * in-process, the property a refusal must have (a 4xx in the contract's error shape), the
 * row counts that show nothing was stored, and the run options (a fixed number of runs per
 * endpoint; FUZZ_SEED and FUZZ_PATH replay a failure fast-check reported).
 */
import type fc from 'fast-check';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { Storage } from '../../src/server/storage';
import { API_ERROR_STATUS, ApiErrorSchema } from '../../src/shared/contract/api-error';
import { headerSafe, type WireBody } from './arbitraries';

/** A request as the fuzz tests build it; headers left undefined are not sent. */
export interface WireRequest {
  method: string;
  /** The path with its query string. */
  path: string;
  headers?: Record<string, string | undefined>;
  body?: WireBody;
  /** The client's address, as the throttles see it. */
  address?: string;
}

function streamOf(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) {
        controller.close();
        return;
      }
      // The first chunk opens a JSON string, so the bytes are JSON until they are too many.
      const chunk = new Uint8Array(chunkBytes).fill(0x61);
      if (sent === 0) chunk[0] = 0x22;
      sent += 1;
      controller.enqueue(chunk);
    },
  });
}

/** Sends a generated request through the app, as a client at `address` would. */
export async function send(app: Hono, request: WireRequest): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined) headers.set(name, headerSafe(value));
  }
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
  const body = request.body;
  if (body?.kind === 'text') init.body = body.text;
  if (body?.kind === 'bytes') init.body = body.bytes as BodyInit;
  if (body?.kind === 'stream') {
    init.body = streamOf(body.chunks, body.chunkBytes);
    init.duplex = 'half';
  }
  return app.request(request.path, init, {
    incoming: { socket: { remoteAddress: request.address ?? '10.0.0.1' } },
  });
}

/** A JSON body as text. */
export const jsonText = (value: unknown): WireBody => ({
  kind: 'text',
  text: JSON.stringify(value),
});

/**
 * The JSON text of `value` with the value at `key` of the top-level object written as the
 * literal given (1e309, -0, 9007199254740993), which JSON.stringify cannot write.
 */
export function withLiteral(value: Record<string, unknown>, key: string, literal: string): string {
  const marker = '\u0000literal\u0000';
  return JSON.stringify({ ...value, [key]: marker }).replace(JSON.stringify(marker), literal);
}

/** The reply is a refusal: 4xx, with the contract's error shape and its code's status. */
export async function expectRefusal(res: Response, what: string): Promise<void> {
  const text = await res.text();
  const context = `${what} answered ${res.status}: ${text.slice(0, 300)}`;
  expect(res.status, context).toBeGreaterThanOrEqual(400);
  expect(res.status, context).toBeLessThan(500);
  expect(res.headers.get('content-type'), context).toMatch(/^application\/json/);
  const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
  expect(parsed.success, context).toBe(true);
  if (parsed.success) expect(API_ERROR_STATUS[parsed.data.error.code], context).toBe(res.status);
}

/** The reply is a success whose body its schema reads. */
export async function expectSuccess(
  res: Response,
  what: string,
  schema?: { safeParse(value: unknown): { success: boolean } },
): Promise<void> {
  const text = await res.text();
  const context = `${what} answered ${res.status}: ${text.slice(0, 300)}`;
  expect(res.status, context).toBeGreaterThanOrEqual(200);
  expect(res.status, context).toBeLessThan(300);
  if (schema) expect(schema.safeParse(JSON.parse(text)).success, context).toBe(true);
}

/** Every table of the collector's database. */
export const ALL_TABLES = [
  'branches',
  'devices',
  'enrollment_codes',
  'survey_packages',
  'responses',
  'result_answer_days',
  'result_answer_months',
  'result_response_days',
  'result_response_months',
  'comments',
  'comment_tags',
  'staff_users',
  'staff_sessions',
  'first_admin_tokens',
  'public_links',
  'public_limit_counters',
  'public_limit_keys',
] as const;
export type TableName = (typeof ALL_TABLES)[number];

/** The number of rows in each table named, in one query. */
export async function countRows(
  storage: Storage,
  tables: readonly TableName[] = ALL_TABLES,
): Promise<Record<string, number>> {
  const row = await storage.db
    .selectNoFrom((eb) =>
      tables.map((table) =>
        eb
          .selectFrom(table)
          .select((inner) => inner.fn.countAll().as('n'))
          .as(table),
      ),
    )
    .executeTakeFirstOrThrow();
  return Object.fromEntries(
    tables.map((table) => [table, Number((row as Record<string, unknown>)[table])]),
  );
}

/**
 * The options of one endpoint's property: its fixed number of runs, or the seed and path
 * of a reported failure to replay (FUZZ_SEED=… FUZZ_PATH=… npx vitest run <file>).
 */
export function runs(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  const path = process.env.FUZZ_PATH;
  if (seed === undefined) return { numRuns };
  return { numRuns, seed: Number(seed), ...(path ? { path, endOnFailure: true } : {}) };
}

/** How long one endpoint's property may take on a busy machine before it counts as a hang. */
export const FUZZ_TIMEOUT_MS = 240_000;
