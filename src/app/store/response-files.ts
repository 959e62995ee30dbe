/**
 * What staff save to a file when the device cannot reach the collector: the waiting
 * responses, or the refused ones with their reasons, read in one transaction as the
 * contract's records (exactly what sync sends). Saving removes nothing: waiting responses
 * stay queued until the collector acknowledges them by sync. Refused ones are discarded
 * only by the ids that went into a file, never one refused since.
 */
import type { SurveyResponse } from '../../shared/contract/response';
import type { FileRefusal } from '../../shared/contract/response-file';
import { withDatabase } from './database';
import { toSurveyResponse } from './responses';
import type { Enrollment, SurveyDatabase, SyncState } from './schema';
import { deviceIdIn } from './settings';

/** What a file is made of: who made the records, and the records. */
export interface ResponsesForFile {
  deviceId: string;
  branchId: string | null;
  /** The device's last estimate of the collector's clock offset, as sync sends it. */
  clockOffsetMs?: number;
  responses: SurveyResponse[];
}

async function deviceFacts(database: SurveyDatabase): Promise<Omit<ResponsesForFile, 'responses'>> {
  const [deviceId, enrollment, syncState] = await Promise.all([
    deviceIdIn(database),
    database.settings.get('enrollment'),
    database.settings.get('syncState'),
  ]);
  const offset = (syncState?.value as SyncState | undefined)?.clockOffsetMs;
  return {
    deviceId,
    branchId: (enrollment?.value as Enrollment | undefined)?.branch.id ?? null,
    ...(offset === undefined ? {} : { clockOffsetMs: offset }),
  };
}

/**
 * The kiosk's own waiting responses (a public link's, on a phone, are not its to carry), the
 * oldest first, at most `limit`.
 */
export function waitingForFile(limit: number): Promise<ResponsesForFile> {
  return withDatabase((database) =>
    database.transaction('rw', database.responses, database.settings, async () => {
      const rows = await database.responses
        .where('[status+deviceSeq]')
        .between(['queued', 0], ['queued', Number.MAX_SAFE_INTEGER])
        .filter((row) => row.link === undefined)
        .limit(limit)
        .toArray();
      return { ...(await deviceFacts(database)), responses: rows.map(toSurveyResponse) };
    }),
  );
}

/** The refused responses with the collector's reason for each, the oldest first. */
export function refusedForFile(): Promise<ResponsesForFile & { refusals: FileRefusal[] }> {
  return withDatabase((database) =>
    database.transaction('rw', database.responses, database.settings, async () => {
      const rows = (await database.responses.where('status').equals('quarantined').toArray())
        .filter((row) => row.deviceSeq !== undefined && row.submittedAt !== undefined)
        .sort((a, b) => (a.deviceSeq ?? 0) - (b.deviceSeq ?? 0));
      return {
        ...(await deviceFacts(database)),
        responses: rows.map(toSurveyResponse),
        refusals: rows.map((row) => ({
          id: row.id,
          outcome: row.quarantine?.outcome ?? 'rejected',
          reason: row.quarantine?.reason ?? '',
          ...(row.quarantine?.code ? { code: row.quarantine.code } : {}),
          ...(row.quarantine?.params ? { params: row.quarantine.params } : {}),
          ...(row.quarantine?.path ? { path: row.quarantine.path } : {}),
        })),
      };
    }),
  );
}

/**
 * Deletes the refused responses of `ids` (those saved to a file), in one transaction; a row
 * that is no longer refused is left as it is. Returns how many were deleted.
 */
export function discardRefused(ids: readonly string[]): Promise<number> {
  return withDatabase((database) =>
    database.transaction('rw', database.responses, async () => {
      const rows = await database.responses.bulkGet([...ids]);
      const refused = rows.flatMap((row) => (row?.status === 'quarantined' ? [row.id] : []));
      await database.responses.bulkDelete(refused);
      return refused.length;
    }),
  );
}
