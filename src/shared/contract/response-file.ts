/**
 * A file of responses carried home from a device that could not reach the collector: what
 * staff save on the kiosk ("Save waiting responses to a file") and a librarian imports at
 * the collector (`responses import <file>`, or the dashboard's upload). It holds the
 * contract's SurveyResponse records exactly as sync would send them, who made them, and a
 * SHA-256 checksum over a canonical form of everything else, computed here with WebCrypto
 * so the kiosk (browser) and the collector (Node) compute it the same way.
 *
 * The checksum finds a file damaged or cut short on its way (a USB stick pulled early, an
 * e-mail client that rewrapped it); it is no signature: anyone can make a file with a valid
 * checksum. What makes an import trustworthy is the signed-in librarian who imports it.
 */
import { z } from 'zod/mini';
import { BranchIdSchema, DeviceIdSchema, ResponseIdSchema } from './ids';
import { RefusalCodeSchema, RefusalParamsSchema } from './refusal-schema';
import { SyncResultSchema } from './sync';

/** The format marker every file starts with: tells this file from any other JSON. */
export const RESPONSE_FILE_FORMAT = 'library-survey-responses';
/** Bumped only when an older collector could not read a newer file correctly. */
export const RESPONSE_FILE_VERSION = 1;
/** waiting: the outbox, to be imported; refused: what the collector refused, with reasons. */
export const RESPONSE_FILE_KINDS = ['waiting', 'refused'] as const;
export type ResponseFileKind = (typeof RESPONSE_FILE_KINDS)[number];

/**
 * Responses one file holds at most: ten weeks of a busy bookmobile. A device with more
 * waiting saves its oldest this many; once imported and synced, the next file takes the rest.
 */
export const MAX_FILE_RESPONSES = 20_000;
/** Bytes of a file at most: MAX_FILE_RESPONSES records of about 2 KiB, as sync batches have. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** A refusal's reason as the collector wrote it, kept for a person to read. */
const MAX_REASON_LENGTH = 2000;

export const FileRefusalSchema = z.object({
  id: ResponseIdSchema,
  outcome: z.enum(['conflict', 'rejected']),
  reason: z.string().check(z.maxLength(MAX_REASON_LENGTH)),
  /** The reason as a code with values (src/shared/contract/refusal.ts), when it had one. */
  code: z.optional(RefusalCodeSchema),
  params: z.optional(RefusalParamsSchema),
  path: z.optional(z.string().check(z.maxLength(200))),
});
export type FileRefusal = z.infer<typeof FileRefusalSchema>;

export const ChecksumSchema = z.object({
  algorithm: z.literal('SHA-256'),
  /** Lower-case hex of the digest of canonicalJson(the file without `checksum`). */
  value: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')),
});

/**
 * The file as read. Records stay unknown here: each is checked on its own by the same code
 * as a sync batch's, so one record a collector refuses is `rejected`, not the whole file.
 */
export const ResponseFileSchema = z.object({
  format: z.literal(RESPONSE_FILE_FORMAT),
  version: z.literal(RESPONSE_FILE_VERSION),
  kind: z.enum(RESPONSE_FILE_KINDS),
  /** The device that made every record (each record's deviceId must be this). */
  deviceId: DeviceIdSchema,
  /** The branch the device was enrolled at when saving; null before enrollment. */
  branchId: z.nullable(BranchIdSchema),
  /** When the file was made, by the device's clock. */
  createdAt: z.iso.datetime({ offset: true }),
  /** The device's last estimate of (collector clock − device clock), as sync sends it. */
  clockOffsetMs: z.optional(z.number()),
  responses: z.array(z.unknown()).check(z.maxLength(MAX_FILE_RESPONSES)),
  /** In a refused file: why the collector refused each record, by id. */
  refusals: z.optional(z.array(FileRefusalSchema).check(z.maxLength(MAX_FILE_RESPONSES))),
  checksum: ChecksumSchema,
});
export type ResponseFile = z.infer<typeof ResponseFileSchema>;
export type ResponseFileContent = Omit<ResponseFile, 'checksum'>;

/**
 * JSON with every object's keys in code-unit order and no white space (RFC 8785 for the
 * values a file holds: strings, finite numbers, booleans, null, arrays and objects).
 * Members whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`no JSON for a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** What shared/ needs of WebCrypto and TextEncoder, present in browsers and Node alike. */
interface WebPlatform {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

/** The SHA-256 of the content's canonical form, as lower-case hex. */
export function responseFileChecksum(content: ResponseFileContent): Promise<string> {
  return checksumOf(content);
}

async function checksumOf(content: unknown): Promise<string> {
  const platform = globalThis as unknown as WebPlatform;
  const bytes = new platform.TextEncoder().encode(canonicalJson(content));
  const digest = await platform.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The file of `content`, with its checksum. */
export async function makeResponseFile(content: ResponseFileContent): Promise<ResponseFile> {
  return {
    ...content,
    checksum: { algorithm: 'SHA-256', value: await responseFileChecksum(content) },
  };
}

/**
 * Whether a file's checksum is the one its content has. Give it the file as read (JSON.parse),
 * not as parsed by the schema: parsing writes ids in lower case, and the checksum is over
 * what was saved.
 */
export async function hasValidChecksum(file: { checksum: { value: string } }): Promise<boolean> {
  const { checksum, ...content } = file;
  return (await checksumOf(content)) === checksum.value;
}

/** A name for the saved file that says what it is, whose, and when: no patron's data. */
export function responseFileName(
  kind: ResponseFileKind,
  branchId: string | null,
  createdAt: string,
): string {
  const stamp = createdAt.slice(0, 16).replace(/[:T]/g, '-');
  return `${kind === 'refused' ? 'refused' : 'responses'}-${branchId ?? 'unenrolled'}-${stamp}.json`;
}

/**
 * Why a file was refused whole at the collector (nothing of it stored); the dashboard says
 * each in the librarian's language.
 */
export const IMPORT_PROBLEMS = [
  'too-large',
  'not-json',
  'not-a-response-file',
  'unsupported-version',
  'invalid',
  'checksum',
  'record-limits',
  'unknown-device',
  'revoked-device',
  'other-branch',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** Refused records listed at most in an import's reply; the counts hold them all. */
export const MAX_IMPORT_REFUSALS_LISTED = 100;

/** An imported file: how many of its responses had each outcome, and the refused ones. */
export const ImportResponsesReplySchema = z.object({
  kind: z.enum(RESPONSE_FILE_KINDS),
  deviceId: DeviceIdSchema,
  /** The branch the responses count for: the device's on the collector. */
  branchId: BranchIdSchema,
  /** Per sync outcome (SYNC_OUTCOMES), as a sync reply would have given them. */
  counts: z.object({
    accepted: z.int().check(z.gte(0)),
    duplicate: z.int().check(z.gte(0)),
    conflict: z.int().check(z.gte(0)),
    rejected: z.int().check(z.gte(0)),
  }),
  /** The conflicts and rejections, with their reasons (the first MAX_IMPORT_REFUSALS_LISTED). */
  refused: z.array(SyncResultSchema).check(z.maxLength(MAX_IMPORT_REFUSALS_LISTED)),
});
export type ImportResponsesReply = z.infer<typeof ImportResponsesReplySchema>;

/** A file refused whole: the error, and which problem it was. */
export const ImportResponsesProblemSchema = z.object({
  error: z.object({
    code: z.enum(['bad-request', 'forbidden', 'payload-too-large']),
    message: z.string(),
    path: z.optional(z.string()),
  }),
  problem: z.enum(IMPORT_PROBLEMS),
});
export type ImportResponsesProblem = z.infer<typeof ImportResponsesProblemSchema>;
