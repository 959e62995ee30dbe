/**
 * The end of a chaos run: what the devices made against what the collector's database
 * holds, read with the collector's own storage code. Every response made must be stored
 * once, with the content it was made with, and counted once in the results.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  ALL_BRANCHES,
  type CollectedResponse,
  listResponses,
  openStorage,
  responseCounts,
  type StorageOptions,
} from '../../src/server/storage';
import type { SurveyResponse } from '../../src/shared/contract/response';

export interface StoredCheck {
  stored: number;
  /** Rows beyond the first for one device's response (same device and deviceSeq). */
  duplicates: number;
  /** Made, not stored. */
  missing: number;
  /** Stored with content other than it was made with. */
  mismatched: number;
  /** Stored, never made by any device. */
  unexpected: number;
  /** Responses and complete responses in the results' counts. */
  counted: { responses: number; completed: number };
  /** The first few differences, for a person to look into. */
  examples: string[];
}

const MAX_EXAMPLES = 10;

/** The fields both sides have; the collector adds when it received it, and its hash. */
function sameContent(made: SurveyResponse, stored: CollectedResponse, branchId: string): string[] {
  const expected = {
    surveyId: made.surveyId,
    surveyVersion: made.surveyVersion,
    deviceId: made.deviceId,
    deviceSeq: made.deviceSeq,
    branchId,
    channel: made.channel,
    locale: made.locale,
    location: made.location ?? null,
    startedAt: made.startedAt,
    submittedAt: made.submittedAt,
    completed: made.completed,
    answers: made.answers,
  };
  return Object.entries(expected)
    .filter(([field, value]) => !isDeepStrictEqual(stored[field as keyof CollectedResponse], value))
    .map(([field]) => field);
}

export async function checkStored(
  database: StorageOptions,
  made: readonly SurveyResponse[],
  expected: { surveyId: string; branchId: string },
): Promise<StoredCheck> {
  const storage = openStorage(database);
  try {
    const rows = await listResponses(storage);
    // Suspect ones too: simulated devices answer at a machine's pace, and what is checked
    // here is that each stored response is counted once, not how fast it was answered.
    const counted = await responseCounts(
      storage,
      { surveyId: expected.surveyId, includeSuspect: true },
      ALL_BRANCHES,
    );
    const examples: string[] = [];
    const note = (line: string) => {
      if (examples.length < MAX_EXAMPLES) examples.push(line);
    };
    const byId = new Map(rows.map((row) => [row.id, row]));
    const madeIds = new Set(made.map((r) => r.id));
    let missing = 0;
    let mismatched = 0;
    for (const response of made) {
      const row = byId.get(response.id);
      if (!row) {
        missing++;
        note(`missing: ${response.id} (device ${response.deviceId} #${response.deviceSeq})`);
        continue;
      }
      const fields = sameContent(response, row, expected.branchId);
      if (fields.length > 0) {
        mismatched++;
        note(`mismatched: ${response.id}: ${fields.join(', ')}`);
      }
    }
    const perDeviceSeq = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.deviceId}#${row.deviceSeq}`;
      perDeviceSeq.set(key, (perDeviceSeq.get(key) ?? 0) + 1);
    }
    let duplicates = 0;
    for (const [key, n] of perDeviceSeq) {
      if (n > 1) {
        duplicates += n - 1;
        note(`duplicate: ${key} stored ${n} times`);
      }
    }
    const unexpected = rows.filter((row) => !madeIds.has(row.id));
    for (const row of unexpected) note(`unexpected: ${row.id} was never made`);
    return {
      stored: rows.length,
      duplicates,
      missing,
      mismatched,
      unexpected: unexpected.length,
      counted,
      examples,
    };
  } finally {
    await storage.close();
  }
}
