/**
 * A sync batch from an authenticated device: check each record, store the valid ones in one
 * transaction, and answer one outcome per record. The branch stored is the device's branch
 * on the collector; what the record claims is kept beside it, never trusted.
 */
import { SurveyIdSchema } from '../../shared/contract/ids';
import type { SyncBatchReply } from '../../shared/contract/sync';
import {
  type CollectedResponse,
  insertNewResponses,
  recordDeviceContact,
  type Storage,
  surveyStructures,
  timestamp,
} from '../storage';
import { batchResults, checkRecord, type RecordCheck, recordsToStore } from './ingest-decision';

export interface IngestRequest {
  device: { id: string; branchId: string };
  /** The records as they arrived; each is checked on its own. */
  responses: readonly unknown[];
  clockOffsetMs?: number | undefined;
  /** TIME_ZONE: the zone of the day each new response is counted on. */
  timeZone: string;
}

/** The survey ids a batch names, so their stored versions can be loaded in one query. */
function namedSurveyIds(responses: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const raw of responses) {
    const surveyId = (raw as { surveyId?: unknown } | null)?.surveyId;
    if (SurveyIdSchema.safeParse(surveyId).success) ids.add(surveyId as string);
  }
  return [...ids];
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
    deviceId: r.deviceId,
    deviceSeq: r.deviceSeq,
    channel: r.channel,
    locale: r.locale,
    location: r.location ?? null,
    startedAt: new Date(r.startedAt).toISOString(),
    submittedAt: new Date(r.submittedAt).toISOString(),
    receivedAt,
    clockOffsetMs: request.clockOffsetMs ?? null,
    completed: r.completed,
    answers: r.answers,
    contentHash: check.hash,
    claimedBranchId: r.branchId,
  };
}

export async function ingestBatch(
  storage: Storage,
  request: IngestRequest,
  now: () => Date,
): Promise<SyncBatchReply> {
  const structures = await surveyStructures(storage, namedSurveyIds(request.responses));
  const checks = request.responses.map((raw) =>
    checkRecord(raw, { deviceId: request.device.id, structures }),
  );
  const receivedAt = timestamp(now());
  const stored = await insertNewResponses(
    storage,
    recordsToStore(checks).map((check) => toStored(check, request, receivedAt)),
    { timeZone: request.timeZone, structures },
  );
  const results = batchResults(checks, stored);
  await recordDeviceContact(storage, request.device.id, {
    at: receivedAt,
    clockOffsetMs: request.clockOffsetMs,
  });
  return { serverTime: timestamp(now()), results };
}
