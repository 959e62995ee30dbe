/**
 * Importing a file of responses a device's staff saved when it could not reach the
 * collector (shared/contract/response-file.ts), for the CLI (`responses import`) and the
 * dashboard's upload alike. The whole file is checked first (JSON, format and version,
 * checksum, the records within the limits a sync batch's records have, the device), and a
 * file that fails any of it stores nothing. Its records then go through ingestBatch, the
 * same code as sync, in batches of a sync batch's size: each record gets the outcome sync
 * would give it, so a file imported twice, or responses the device syncs later, are stored
 * once (`duplicate`).
 *
 * A revoked device's file is refused: revoking says nothing more from that device is to be
 * trusted (a lost or stolen tablet), and a file names its device without proving it. Take
 * the file's responses before revoking, or not at all.
 *
 * The device's rate and daily quota (device-limits.ts) do not apply: they hold a stolen
 * device token to a device's pace on the live channel. An import is made by a signed-in
 * librarian (or someone with the server's shell), bounded by the file's own limits; what
 * it stores is a backlog the device would have sent anyway, and nothing could wait "until
 * tomorrow" in a file.
 */
import { safeParseInput } from '../../shared/contract/parse';
import {
  hasValidChecksum,
  type ImportProblem,
  MAX_FILE_BYTES,
  RESPONSE_FILE_FORMAT,
  RESPONSE_FILE_VERSION,
  type ResponseFile,
  type ResponseFileKind,
  ResponseFileSchema,
} from '../../shared/contract/response-file';
import {
  MAX_BATCH_RESPONSES,
  SYNC_OUTCOMES,
  type SyncOutcome,
  type SyncResult,
} from '../../shared/contract/sync';
import { findDevice, type Storage } from '../storage';
import type { BranchScope } from '../storage/scope';
import { ingestBatch } from './ingest';
import { batchLimitProblem } from './record-limits';

/** A file refused whole: nothing of it was stored. */
export class ImportRefused extends Error {
  constructor(
    readonly problem: ImportProblem,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export type ImportCounts = Record<SyncOutcome, number>;

export interface ImportResult {
  kind: ResponseFileKind;
  deviceId: string;
  /** The branch the responses count for: the device's on the collector. */
  branchId: string;
  /** The file's responses, by outcome. */
  counts: ImportCounts;
  /** One per record, in the file's order, as a sync reply has them. */
  results: SyncResult[];
}

export interface ImportOptions {
  timeZone: string;
  now: () => Date;
  /** Whose import it is: branch staff import only their own branch's devices' files. */
  scope: BranchScope;
}

function refuse(problem: ImportProblem, message: string, path?: string): never {
  throw new ImportRefused(problem, message, path);
}

/** The file's text as JSON (the CLI reads a file; the dashboard's upload is parsed already). */
export function parseResponseFileText(text: string): unknown {
  if (text.length > MAX_FILE_BYTES) {
    refuse('too-large', `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  }
  try {
    return JSON.parse(text);
  } catch {
    refuse('not-json', 'the file is not JSON: it may be cut short or another kind of file');
  }
}

/** The file's format and version, its shape and its checksum checked. */
export async function readResponseFile(value: unknown): Promise<ResponseFile> {
  const head = (value ?? {}) as { format?: unknown; version?: unknown };
  if (typeof value !== 'object' || Array.isArray(value) || head.format !== RESPONSE_FILE_FORMAT) {
    refuse(
      'not-a-response-file',
      `the file is not a file of responses saved on a kiosk (its "format" is not "${RESPONSE_FILE_FORMAT}")`,
    );
  }
  if (head.version !== RESPONSE_FILE_VERSION) {
    refuse(
      'unsupported-version',
      `the file is of version ${JSON.stringify(head.version)}; this collector reads version ${RESPONSE_FILE_VERSION}: update the collector`,
    );
  }
  const parsed = safeParseInput(ResponseFileSchema, value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || undefined;
    refuse('invalid', `${path ?? 'the file'}: ${issue?.message ?? 'does not fit'}`, path);
  }
  if (!(await hasValidChecksum(value as ResponseFile))) {
    refuse(
      'checksum',
      'the file’s checksum does not match its content: it was changed or damaged on its way; save it on the kiosk again',
    );
  }
  return parsed.data;
}

/** The first record beyond the limits a sync batch's records have, as a sync batch would see it. */
function checkRecordLimits(responses: readonly unknown[]): void {
  for (let start = 0; start < responses.length; start += MAX_BATCH_RESPONSES) {
    const batch = responses.slice(start, start + MAX_BATCH_RESPONSES);
    const problem = batchLimitProblem(JSON.stringify({ responses: batch }));
    if (!problem) continue;
    const path = problem.path.replace(
      /^responses\.(\d+)/,
      (_, index: string) => `responses.${start + Number(index)}`,
    );
    refuse('record-limits', `${path}: ${problem.message}; no kiosk makes such a record`, path);
  }
}

/**
 * `input` is the file parsed as JSON (parseResponseFileText). Checks the file whole, then stores its responses through ingest. Throws ImportRefused
 * (nothing stored) when the file or its device is refused.
 */
export async function importResponseFile(
  storage: Storage,
  input: unknown,
  options: ImportOptions,
): Promise<ImportResult> {
  const file = await readResponseFile(input);
  checkRecordLimits(file.responses);
  const device = await findDevice(storage, file.deviceId);
  if (!device) {
    refuse(
      'unknown-device',
      `device ${file.deviceId} is not enrolled at this collector: enroll the kiosk first (code create), then import its file`,
    );
  }
  if (options.scope.kind === 'branch' && options.scope.branchId !== device.branchId) {
    refuse('other-branch', `device ${device.id} is not a device of your branch`);
  }
  if (device.revokedAt) {
    refuse(
      'revoked-device',
      `device ${device.id} was revoked on ${device.revokedAt}: nothing more from it is taken`,
    );
  }
  const results: SyncResult[] = [];
  for (let start = 0; start < file.responses.length; start += MAX_BATCH_RESPONSES) {
    const { reply } = await ingestBatch(
      storage,
      {
        device: { id: device.id, branchId: device.branchId },
        responses: file.responses.slice(start, start + MAX_BATCH_RESPONSES),
        clockOffsetMs: file.clockOffsetMs,
        timeZone: options.timeZone,
        fromFile: true,
      },
      options.now,
    );
    results.push(...reply.results);
  }
  const counts = Object.fromEntries(SYNC_OUTCOMES.map((o) => [o, 0])) as ImportCounts;
  for (const result of results) counts[result.outcome] += 1;
  return { kind: file.kind, deviceId: device.id, branchId: device.branchId, counts, results };
}
