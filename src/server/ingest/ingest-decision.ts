/**
 * What the collector decides about each record of a sync batch, as pure functions: is it
 * valid (and if not, why and where), and, once the batch has been stored, was it new, a
 * duplicate (same id, same content) or a conflict (same id, other content). A valid record's
 * free texts are masked here (shared/privacy), so what is stored and hashed holds no e-mail
 * address, phone number or card number even when the device did not mask them.
 */

import { safeParseInput } from '../../shared/contract/parse';
import type { Refusal } from '../../shared/contract/refusal';
import { type SurveyResponse, SurveyResponseSchema } from '../../shared/contract/response';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import type { SyncResult } from '../../shared/contract/sync';
import { maskAnswers } from '../../shared/privacy/personal-data';
import { responseProblem } from '../../shared/survey/response-check';
import { contentHash } from '../hashing';

export type RecordCheck =
  | {
      ok: true;
      /** The record to store: as sent, its free texts masked. */
      response: SurveyResponse;
      /** The content hash of the masked record, stored beside it. */
      hash: string;
      /**
       * The hash of the record as sent, when masking changed it (only compared, never
       * stored). A copy stored by a collector from before masking has this hash, and so
       * has one a device masked under older rules that this collector's rules mask further:
       * a re-send of either is still a duplicate.
       */
      sentHash?: string;
    }
  | { ok: false; result: SyncResult };

export interface CheckContext {
  /** The device the token belongs to (on a public link, the phone); a record must be its own. */
  deviceId: string;
  /** On a public link: the one survey its records may answer, and their one channel. */
  only?: { surveyId: string; channel: SurveyResponse['channel'] } | undefined;
  /** Every stored version of the surveys the batch names, keyed "<id>@<version>". */
  structures: ReadonlyMap<string, SurveyStructure>;
}

/** An id longer than any UUID is not echoed back: it cannot be a record's id anyway. */
const MAX_ECHOED_ID_LENGTH = 64;

/** The record's id as the device will look it up, or null when it has none readable. */
export function readableId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  const id = (raw as { id: unknown }).id;
  return typeof id === 'string' && id.length <= MAX_ECHOED_ID_LENGTH ? id : null;
}

function rejected(id: string | null, reason: string, refusal: Refusal, path?: string): RecordCheck {
  return {
    ok: false,
    result: { id, outcome: 'rejected', reason, ...refusal, ...(path ? { path } : {}) },
  };
}

/** Checks one record of a batch: shape, survey version, answers, then whose it is. */
export function checkRecord(raw: unknown, context: CheckContext): RecordCheck {
  const id = readableId(raw);
  const parsed = safeParseInput(SurveyResponseSchema, raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.');
    return rejected(
      id,
      issue?.message ?? 'is not a response',
      { code: 'invalid-field' },
      path || undefined,
    );
  }
  const response = parsed.data;
  if (context.only && response.surveyId !== context.only.surveyId) {
    return rejected(
      id,
      `this link collects for survey ${context.only.surveyId} only`,
      { code: 'survey-not-of-link', params: { surveyId: context.only.surveyId } },
      'surveyId',
    );
  }
  if (context.only && response.channel !== context.only.channel) {
    return rejected(
      id,
      `a response sent by a public link must be of channel "${context.only.channel}"`,
      { code: 'channel-not-of-link', params: { channel: context.only.channel } },
      'channel',
    );
  }
  const structure = context.structures.get(`${response.surveyId}@${response.surveyVersion}`);
  if (!structure) {
    return rejected(
      id,
      `unknown survey version: ${response.surveyId} v${response.surveyVersion}`,
      {
        code: 'unknown-survey-version',
        params: { surveyId: response.surveyId, version: response.surveyVersion },
      },
      'surveyVersion',
    );
  }
  const problem = responseProblem(structure, response.answers, response.completed);
  if (problem) {
    const { reason, path, ...refusal } = problem;
    return rejected(id, reason, refusal, path);
  }
  if (response.deviceId !== context.deviceId) {
    return rejected(
      id,
      'belongs to another device than the one sending it',
      { code: 'other-device' },
      'deviceId',
    );
  }
  // Masked after the checks, so a text is measured against its limit as the patron typed it;
  // the locale names the markers. Masking depends on the text alone, so a re-sent record
  // is masked to the same text and keeps its hash.
  const answers = maskAnswers(response.answers, response.locale, structure.questions);
  if (answers === response.answers) {
    return { ok: true, response, hash: responseContentHash(response) };
  }
  const masked = { ...response, answers };
  return {
    ok: true,
    response: masked,
    hash: responseContentHash(masked),
    sentHash: responseContentHash(response),
  };
}

/**
 * The hash that tells a duplicate from a conflict: the record as stored (its free texts
 * masked), minus branchId, which the device may learn only after it made the response. The
 * hash of the unmasked text is never stored: a phone number has few enough digits to be
 * found again from it. `suspect: false` says what no suspect says, so it is hashed as
 * absent: a record stored before the flag existed, or sent by an integrator who writes
 * false, is the same record; `suspect: true` is part of the content like any answer.
 */
export function responseContentHash(response: SurveyResponse): string {
  const { branchId: _claimed, suspect, ...content } = response;
  return contentHash(suspect ? { ...content, suspect } : content);
}

/** The valid records to insert: the first of each id, in batch order. */
export function recordsToStore(
  checks: readonly RecordCheck[],
): Extract<RecordCheck, { ok: true }>[] {
  const seen = new Set<string>();
  const first: Extract<RecordCheck, { ok: true }>[] = [];
  for (const check of checks) {
    if (check.ok && !seen.has(check.response.id)) {
      seen.add(check.response.id);
      first.push(check);
    }
  }
  return first;
}

/**
 * One result per record, in request order, once the records to store have been inserted.
 * A later record with the id of an earlier one is compared with what is stored for it. A
 * record deferred by the daily quota gets no result: the device keeps it queued.
 */
export function batchResults(
  checks: readonly RecordCheck[],
  stored: {
    inserted: ReadonlySet<string>;
    existingHashes: ReadonlyMap<string, string>;
    deferred?: ReadonlySet<string>;
  },
): SyncResult[] {
  const storedHash = new Map(stored.existingHashes);
  const acknowledged = new Set<string>();
  return checks.flatMap((check): SyncResult[] => {
    if (!check.ok) return [check.result];
    const { id } = check.response;
    if (stored.deferred?.has(id)) return [];
    if (stored.inserted.has(id) && !acknowledged.has(id)) {
      acknowledged.add(id);
      storedHash.set(id, check.hash);
      return [{ id, outcome: 'accepted' }];
    }
    const hash = storedHash.get(id);
    if (hash === undefined) {
      // Not inserted and not found: only possible if storage lied; let the device retry.
      throw new Error(`response ${id} was neither stored nor found`);
    }
    return [
      hash === check.hash || hash === check.sentHash
        ? { id, outcome: 'duplicate' }
        : {
            id,
            outcome: 'conflict',
            reason: 'another response with this id and different content is stored',
            code: 'content-conflict',
            path: 'id',
          },
    ];
  });
}
