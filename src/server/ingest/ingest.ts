/**
 * A sync batch from an authenticated device: check each record, store the valid ones in one
 * transaction, and answer one outcome per record. The branch stored is the device's branch
 * on the collector; what the record claims is kept beside it, never trusted. New records
 * beyond the device's daily quota are left out of the reply, so the device keeps them.
 *
 * A phone's batch on a public link goes the same way: its records must be the phone's own
 * (`phone`), of the link's survey and of channel qr (`only`); they are stored under the
 * link's device row and branch, and the link's limits are counted before (public/limits.ts)
 * instead of a daily quota.
 */
import { DeviceHealthSchema } from '../../shared/contract/device-health';
import { SurveyIdSchema } from '../../shared/contract/ids';
import { safeParseInput } from '../../shared/contract/parse';
import type { SyncBatchReply } from '../../shared/contract/sync';
import { addDays, dayInZone, dayStartMs } from '../../shared/results/days';
import {
  type CollectedResponse,
  deviceContactUpdate,
  type InsertOutcome,
  insertNewResponsesIn,
  inTransaction,
  knownSurveyStructures,
  nothingInserted,
  recordDeviceContact,
  type Storage,
  surveyVersionKey,
  timestamp,
} from '../storage';
import {
  batchResults,
  type CheckContext,
  checkRecord,
  type RecordCheck,
  recordsToStore,
} from './ingest-decision';

export interface IngestRequest {
  /** The device the responses are stored under, and whose branch they count for. */
  device: { id: string; branchId: string };
  /** On a public link: the phone's id, which its records must carry instead of the device's. */
  phone?: string | undefined;
  /** On a public link: the one survey and channel its records may have. */
  only?: CheckContext['only'];
  /** The records as they arrived; each is checked on its own. */
  responses: readonly unknown[];
  clockOffsetMs?: number | undefined;
  /**
   * A kiosk's report on itself as it arrived (DeviceHealthSchema): kept when it fits,
   * ignored when it does not, never a reason to refuse the batch. A phone's is never kept.
   */
  health?: unknown;
  /** TIME_ZONE: the zone of the day each new response is counted on, and of the quota's day. */
  timeZone: string;
  /** New responses the device may have stored per day (DEVICE_DAILY_RESPONSE_QUOTA); none when unset. */
  dailyQuota?: number | undefined;
  /**
   * The records came in a file a librarian imported (import-file.ts), not from the device:
   * the device was not in touch, so its last-seen time stays as it was.
   */
  fromFile?: boolean;
}

export interface IngestOutcome {
  reply: SyncBatchReply;
  /** Valid new records left out of the reply: the device's quota for today is spent. */
  deferred: number;
  /** When the quota's next day starts. */
  quotaResetsAt: Date;
}

/** The day (in the zone) an instant falls on, as [its start, the next day's start). */
export function quotaDay(at: Date, timeZone: string): { since: Date; until: Date } {
  const day = dayInZone(at.getTime(), timeZone);
  return {
    since: new Date(dayStartMs(day, timeZone)),
    until: new Date(dayStartMs(addDays(day, 1), timeZone)),
  };
}

/**
 * The survey versions a batch's records name, as surveyVersionKey → survey id, so their
 * structures can be found in one look (knownSurveyStructures). A record naming no readable
 * version is refused by its check, which finds no structure for it.
 */
function namedSurveyVersions(responses: readonly unknown[]): Map<string, string> {
  const versions = new Map<string, string>();
  for (const raw of responses) {
    const { surveyId, surveyVersion } = (raw ?? {}) as {
      surveyId?: unknown;
      surveyVersion?: unknown;
    };
    if (!Number.isSafeInteger(surveyVersion)) continue;
    if (!safeParseInput(SurveyIdSchema, surveyId).success) continue;
    versions.set(surveyVersionKey(surveyId as string, surveyVersion as number), surveyId as string);
  }
  return versions;
}

function toStored(
  check: Extract<RecordCheck, { ok: true }>,
  request: IngestRequest,
  receivedAt: string,
): CollectedResponse {
  const r = check.response;
  return {
    id: r.id,
    surveyId: r.surveyId,
    surveyVersion: r.surveyVersion,
    branchId: request.device.branchId,
    deviceId: request.device.id,
    deviceSeq: r.deviceSeq,
    channel: r.channel,
    locale: r.locale,
    location: r.location ?? null,
    startedAt: new Date(r.startedAt).toISOString(),
    submittedAt: new Date(r.submittedAt).toISOString(),
    receivedAt,
    clockOffsetMs: request.clockOffsetMs ?? null,
    completed: r.completed,
    suspect: r.suspect ?? false,
    answers: r.answers,
    contentHash: check.hash,
    claimedBranchId: r.branchId,
  };
}

/** The health report a kiosk sent, when it fits the contract; else none is kept. */
function deviceHealth(health: unknown) {
  if (health === undefined) return undefined;
  const parsed = safeParseInput(DeviceHealthSchema, health);
  return parsed.success ? parsed.data : undefined;
}

export async function ingestBatch(
  storage: Storage,
  request: IngestRequest,
  now: () => Date,
): Promise<IngestOutcome> {
  const structures = await knownSurveyStructures(storage, namedSurveyVersions(request.responses));
  const checks = request.responses.map((raw) =>
    checkRecord(raw, {
      deviceId: request.phone ?? request.device.id,
      structures,
      only: request.only,
    }),
  );
  const received = now();
  const receivedAt = timestamp(received);
  const day = quotaDay(received, request.timeZone);
  const toStore = recordsToStore(checks).map((check) => toStored(check, request, receivedAt));
  const quota =
    request.dailyQuota === undefined
      ? undefined
      : {
          deviceId: request.device.id,
          since: timestamp(day.since),
          until: timestamp(day.until),
          max: request.dailyQuota,
        };
  // A public link's device row is no device that gets in touch; a phone is not tracked.
  // A file a librarian imports says nothing of when the device was last in touch.
  const contact =
    request.phone === undefined && !request.fromFile
      ? {
          at: receivedAt,
          clockOffsetMs: request.clockOffsetMs,
          health: deviceHealth(request.health),
        }
      : undefined;
  const counting = { timeZone: request.timeZone, structures };
  let stored: InsertOutcome;
  if (toStore.length === 0) {
    stored = nothingInserted();
    if (contact) await recordDeviceContact(storage, request.device.id, contact);
  } else {
    // The device's last contact is written in the batch's transaction: one commit a batch.
    stored = await inTransaction(storage, (tx) =>
      insertNewResponsesIn(
        tx,
        toStore,
        counting,
        quota,
        contact && ((tx) => [deviceContactUpdate(tx, request.device.id, contact)]),
      ),
    );
  }
  const results = batchResults(checks, stored);
  return {
    reply: { serverTime: timestamp(now()), results },
    deferred: stored.deferred.size,
    quotaResetsAt: day.until,
  };
}
