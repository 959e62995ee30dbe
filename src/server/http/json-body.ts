/**
 * Reads a JSON request body within a byte limit. The limit is checked against
 * Content-Length before reading and against the bytes actually read, so neither a lying
 * header nor a chunked upload gets more than the limit into memory.
 */
import { ApiProblem, badRequest, payloadTooLarge } from './errors';

const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(`the body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The parsed JSON body of a request; an ApiProblem (400, 413, 415) when it is not one.
 * `precheck` sees the text before it is parsed, and throws an ApiProblem to refuse it.
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  precheck?: (text: string) => void,
): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(type)) {
    throw new ApiProblem(
      'unsupported-media-type',
      `send the body as application/json (got ${type ? JSON.stringify(type.slice(0, 100)) : 'no Content-Type'})`,
    );
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw payloadTooLarge(`the body is larger than ${maxBytes} bytes`);
  }
  if (!request.body) throw badRequest('the body is empty; send JSON');
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(request.body, maxBytes);
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw badRequest('the body could not be read to its end');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('the body is not valid UTF-8');
  }
  precheck?.(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : '';
    throw badRequest(`the body is not JSON: ${detail}`);
  }
}
