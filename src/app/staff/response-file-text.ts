/**
 * The text of a file of responses (shared/contract/response-file.ts) made from what the
 * store gives. The contract module brings zod, which the kiosk's first screen does without:
 * it is loaded here by import(), when staff save a file.
 */
import type { FileRefusal, ResponseFileKind } from '../../shared/contract/response-file';
import type { ResponsesForFile } from '../store';

export async function responseFileText(
  kind: ResponseFileKind,
  records: ResponsesForFile & { refusals?: FileRefusal[] },
  now = new Date(),
): Promise<{ name: string; text: string }> {
  const { makeResponseFile, responseFileName, RESPONSE_FILE_FORMAT, RESPONSE_FILE_VERSION } =
    await import('../../shared/contract/response-file');
  const createdAt = now.toISOString();
  const file = await makeResponseFile({
    format: RESPONSE_FILE_FORMAT,
    version: RESPONSE_FILE_VERSION,
    kind,
    deviceId: records.deviceId,
    branchId: records.branchId,
    createdAt,
    ...(records.clockOffsetMs === undefined ? {} : { clockOffsetMs: records.clockOffsetMs }),
    responses: records.responses,
    ...(records.refusals ? { refusals: records.refusals } : {}),
  });
  return { name: responseFileName(kind, records.branchId, createdAt), text: JSON.stringify(file) };
}

/** Responses one file holds at most (the contract's MAX_FILE_RESPONSES). */
export async function maxFileResponses(): Promise<number> {
  return (await import('../../shared/contract/response-file')).MAX_FILE_RESPONSES;
}
