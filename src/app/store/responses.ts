/**
 * Responses on the device: the draft written on every answer, submit and walk-away that
 * turn it into a queued response (the same row), and the outbox the sync engine drains.
 * A row leaves the queue only by the collector's acknowledgement or refusal.
 */
import type { Answers, GapAnswer } from '../../shared/contract/answer';
import type { Question } from '../../shared/contract/question';
import type { Channel, SurveyResponse } from '../../shared/contract/response';
import type { Language } from '../../shared/languages';
import { answerTimesAfter, responseIsSuspect } from '../../shared/survey/answer-pace';
import { isAnswered } from '../../shared/survey/conditions';
import { StoreRuleError, withDatabase } from './database';
import type {
  DeviceResponse,
  Enrollment,
  Interviewing,
  Quarantine,
  ResponseStatus,
} from './schema';
import { deviceIdIn, getSentKeptDays } from './settings';

export interface DraftInput {
  id: string;
  surveyId: string;
  surveyVersion: number;
  locale: Language;
  channel: Channel;
  location?: string;
  startedAt: string;
  answers: Answers;
  currentQuestionId?: string;
  /** Gap items answered on some of their lines (see DeviceResponse). */
  partialGaps?: Record<string, Partial<GapAnswer>>;
  /**
   * A phone answering through a public link: the link's token and branch. The branch is
   * the link's, not an enrollment's (a phone has none).
   */
  link?: { token: string; branchId: string };
}

/** Raised when a draft that was already submitted or closed is written to again. */
export class ResponseClosedError extends StoreRuleError {
  override name = 'ResponseClosedError';
}

/**
 * The channel and place of a kiosk's draft: fixed when it is first written, from the staff
 * view's setting at that moment (interviewer mode, the chosen place), and kept after that,
 * so changing the mode or the place mid-survey does not move a patron's response.
 */
function kioskMode(
  existing: DeviceResponse | undefined,
  interviewing: Interviewing | undefined,
): { channel: Channel; location?: string } {
  if (existing) return { channel: existing.channel, ...placeOf(existing.location) };
  return { channel: interviewing?.staffAsks ? 'staff' : 'kiosk', ...placeOf(interviewing?.place) };
}

function placeOf(place: string | null | undefined): { location?: string } {
  return place ? { location: place } : {};
}

/** Saves the draft as it stands; resolves only once the transaction has committed. */
export async function saveDraft(draft: DraftInput, now = Date.now()): Promise<void> {
  await withDatabase((database) =>
    database.transaction('rw', database.responses, database.settings, async () => {
      // The reads go to IndexedDB together, one round trip before the write. Every save
      // but a draft's first (most of them: one per answer) reads two rows: the draft, which
      // already holds the device id and its channel and place, and the enrollment, which
      // names the branch. Only a new draft reads the staff view's setting and the device id.
      const [existing, enrollmentRow] = await Promise.all([
        database.responses.get(draft.id),
        database.settings.get('enrollment'),
      ]);
      if (existing && existing.status !== 'draft') {
        throw new ResponseClosedError(`response ${draft.id} is already ${existing.status}`);
      }
      const [interviewingRow, deviceId] = existing
        ? [undefined, existing.deviceId]
        : await Promise.all([database.settings.get('interviewing'), deviceIdIn(database)]);
      const enrollment = enrollmentRow?.value as Enrollment | undefined;
      const { link, channel, location, ...fields } = draft;
      // When each answer was first given, on the same clock as the write: the pace that
      // decides `suspect` when the draft is queued.
      const answerTimes = answerTimesAfter(existing, draft.answers, now);
      await database.responses.put({
        ...fields,
        // A phone's link says its channel; a kiosk's comes from the staff view.
        ...(link
          ? { channel, ...placeOf(location), link: link.token }
          : kioskMode(existing, interviewingRow?.value as Interviewing | undefined)),
        answerTimes,
        deviceId,
        branchId: link ? link.branchId : (enrollment?.branch.id ?? null),
        completed: false,
        status: 'draft',
        updatedAt: now,
      });
    }),
  );
}

type Masking = typeof import('../../shared/privacy/personal-data');
let masking: Promise<Masking> | undefined;

/**
 * The masking of personal data, loaded the first time a response is queued or once the
 * first screen is up (preloadMasking): it brings libphonenumber-js (about 36 KB gzip),
 * which the first screen does without. The service worker has it cached, so a kiosk
 * offline loads it too.
 */
function loadMasking(): Promise<Masking | undefined> {
  masking ??= import('../../shared/privacy/personal-data');
  return masking.catch((error: unknown) => {
    // A response is never lost for want of the module: it is queued as typed, the collector
    // masks it on arrival, and the next response tries to load the module again.
    console.error('loading the masking of personal data failed', error);
    masking = undefined;
    return undefined;
  });
}

/** Loads the masking ahead of the first Send, so the patron does not wait for it then. */
export async function preloadMasking(): Promise<void> {
  await loadMasking();
}

/**
 * Turns a draft into a queued response in the same row, giving it the next deviceSeq.
 * A walked-away draft without a single answer is dropped instead: there is nothing to keep.
 * A response whose answers came implausibly fast (shared/survey/answer-pace.ts, from the
 * draft's answer times) is flagged `suspect`, completed or walked away: kept and sent all
 * the same.
 * Returns the queued row, or undefined when the draft was dropped or not found.
 *
 * E-mail addresses, phone numbers and card numbers in its free texts are masked here, in
 * the response's language (shared/privacy): the draft keeps the text as typed while the
 * patron can still see it, and from the queued row on, neither the outbox nor the tablet's
 * database holds them. `questions` (the survey the draft was made under) says which
 * answers are free texts; without it every string that is not an option id is masked.
 */
async function queueDraft(
  id: string,
  completed: boolean,
  now: Date,
  questions?: readonly Question[],
): Promise<DeviceResponse | undefined> {
  // Loaded before the transaction: IndexedDB commits a transaction that waits on anything else.
  const mask = await loadMasking();
  return withDatabase((database) =>
    database.transaction('rw', database.responses, database.settings, async () => {
      const row = await database.responses.get(id);
      if (row?.status !== 'draft') return row;
      if (!completed && !Object.values(row.answers).some((value) => isAnswered(value))) {
        await database.responses.delete(id);
        return undefined;
      }
      const lastSeq =
        ((await database.settings.get('deviceSeq'))?.value as number | undefined) ?? 0;
      await database.settings.put({ key: 'deviceSeq', value: lastSeq + 1 });
      // Where the patron was and the lines of unfinished gap items belong to the draft:
      // the response keeps whole answers only, as the contract has them.
      // The answer times too: they decide `suspect` here and are not sent.
      const { currentQuestionId: _, partialGaps: __, answerTimes, ...rest } = row;
      const suspect = responseIsSuspect(row.answers, answerTimes, row.startedAt);
      const queued: DeviceResponse = {
        ...rest,
        ...(suspect ? { suspect: true } : {}),
        answers: mask ? mask.maskAnswers(row.answers, row.locale, questions) : row.answers,
        status: 'queued',
        completed,
        deviceSeq: lastSeq + 1,
        submittedAt: now.toISOString(),
        updatedAt: now.getTime(),
      };
      await database.responses.put(queued);
      // In the same transaction: the phone knows it answered exactly when the answers are kept.
      if (completed && row.link) {
        const answered =
          ((await database.settings.get('answeredLinks'))?.value as
            | Record<string, number>
            | undefined) ?? {};
        const value = { ...answered, [row.link]: now.getTime() };
        await database.settings.put({ key: 'answeredLinks', value });
      }
      return queued;
    }),
  );
}

/** The patron pressed Submit: the draft becomes a complete, queued response. */
export function submitDraft(
  id: string,
  now = new Date(),
  questions?: readonly Question[],
): Promise<DeviceResponse | undefined> {
  return queueDraft(id, true, now, questions);
}

/** The patron walked away: answers given so far are kept as an incomplete response. */
export function closeDraft(
  id: string,
  now = new Date(),
  questions?: readonly Question[],
): Promise<DeviceResponse | undefined> {
  return queueDraft(id, false, now, questions);
}

/** Every draft on the device, the most recently written first (see kiosk/resume-policy.ts). */
export async function openDrafts(): Promise<DeviceResponse[]> {
  const drafts = await withDatabase((database) =>
    database.responses.where('status').equals('draft').toArray(),
  );
  return drafts.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The record as the collector receives it: the contract's fields only. */
export function toSurveyResponse(row: DeviceResponse): SurveyResponse {
  if (row.deviceSeq === undefined || row.submittedAt === undefined) {
    throw new Error(`response ${row.id} is a draft and cannot be sent`);
  }
  return {
    id: row.id,
    surveyId: row.surveyId,
    surveyVersion: row.surveyVersion,
    locale: row.locale,
    channel: row.channel,
    deviceId: row.deviceId,
    deviceSeq: row.deviceSeq,
    branchId: row.branchId,
    ...(row.location ? { location: row.location } : {}),
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    completed: row.completed,
    answers: row.answers,
    // Only ever true: a record without the flag is the same record to the collector.
    ...(row.suspect ? { suspect: true } : {}),
  };
}

/**
 * Whose a queued row is: a kiosk's (no link) goes with the device token, a phone's with
 * its link's token, so neither is sent with the other's credential.
 */
function ofLink(link: string | undefined): (row: DeviceResponse) => boolean {
  return (row) => row.link === link;
}

/**
 * The oldest queued responses, in the order they were made, as contract records: the
 * kiosk's own, or with `link` those made through that public link. With `afterSeq`, only
 * those made after that deviceSeq: a drain reads the next batch while the last one sent is
 * still queued (in flight, or acknowledged and not yet marked), and the index's range starts
 * past it instead of at the oldest row.
 */
export async function outboxBatch(
  limit: number,
  link?: string,
  afterSeq?: number,
): Promise<SurveyResponse[]> {
  const mine = ofLink(link);
  const rows = await withDatabase(async (database) => {
    const queued = () =>
      database.responses
        .where('[status+deviceSeq]')
        .between(
          ['queued', afterSeq ?? 0],
          ['queued', Number.MAX_SAFE_INTEGER],
          afterSeq === undefined,
        );
    // The usual case, every queued row this page's, reads the batch in one request; a
    // browser that holds another's rows too (two links opened) walks the index instead.
    const first = await queued().limit(limit).toArray();
    return first.every(mine) ? first : queued().filter(mine).limit(limit).toArray();
  });
  return rows.map(toSurveyResponse);
}

/**
 * Changes the rows of `ids` that are still queued, in one transaction: every row read at
 * once and every changed row written at once (a batch's hundred rows one by one were
 * hundreds of round trips to IndexedDB per batch).
 */
async function changeQueued(
  ids: readonly string[],
  change: (row: DeviceResponse, index: number) => DeviceResponse,
): Promise<void> {
  await withDatabase((database) =>
    database.transaction('rw', database.responses, async () => {
      const rows = await database.responses.bulkGet([...ids]);
      const changed = rows.flatMap((row, index) =>
        row?.status === 'queued' ? [change(row, index)] : [],
      );
      if (changed.length > 0) await database.responses.bulkPut(changed);
    }),
  );
}

/** Marks acknowledged responses synced; a row no longer queued is left as it is. */
export async function markSynced(ids: readonly string[], at = Date.now()): Promise<void> {
  await changeQueued(ids, (row) => ({ ...row, status: 'synced', syncedAt: at, updatedAt: at }));
}

/** Moves refused responses to quarantine with the collector's reason; never retried blindly. */
export async function quarantineResponses(
  entries: readonly (Omit<Quarantine, 'at'> & { id: string })[],
  at = Date.now(),
): Promise<void> {
  await changeQueued(
    entries.map((entry) => entry.id),
    (row, index) => {
      const { id: _, ...reason } = entries[index] as (typeof entries)[number];
      return { ...row, status: 'quarantined', quarantine: { ...reason, at }, updatedAt: at };
    },
  );
}

/**
 * How many responses wait in the outbox, counted up to `upTo`: reads at most that many keys
 * of the outbox's index. Counting the whole outbox reads every entry of it (IndexedDB has no
 * stored count), which with tens of thousands waiting takes a second and more on a tablet,
 * and holds back every write to the responses until it ends: the next answer's save too.
 */
export async function countQueued(upTo: number, link?: string): Promise<number> {
  // A phone's few rows are read whole to tell its links apart; a kiosk's count stays on the
  // index (a kiosk holds no link's rows unless someone opened a link on it, and those only
  // make it look once more for nothing).
  if (link !== undefined) {
    return withDatabase((database) =>
      database.responses
        .where('[status+deviceSeq]')
        .between(['queued', 0], ['queued', Number.MAX_SAFE_INTEGER])
        .filter(ofLink(link))
        .limit(upTo)
        .count(),
    );
  }
  const keys = await withDatabase((database) =>
    database.responses
      .where('[status+deviceSeq]')
      .between(['queued', 0], ['queued', Number.MAX_SAFE_INTEGER])
      .limit(upTo)
      .primaryKeys(),
  );
  return keys.length;
}

/** How many responses the collector refused wait in quarantine (few: each waits for staff). */
export function countQuarantined(): Promise<number> {
  return withDatabase((database) =>
    database.responses.where('status').equals('quarantined').count(),
  );
}

export type StatusCounts = Record<ResponseStatus, number>;

/** Every status's count, for the staff view: reads the whole table's status index. */
export async function countByStatus(): Promise<StatusCounts> {
  return withDatabase(async (database) => {
    const statuses: ResponseStatus[] = ['draft', 'queued', 'synced', 'quarantined'];
    const counts = await Promise.all(
      statuses.map((s) => database.responses.where('status').equals(s).count()),
    );
    return Object.fromEntries(statuses.map((s, i) => [s, counts[i] ?? 0])) as StatusCounts;
  });
}

/** One response's status, or undefined once it is gone (pruned after it was sent). */
export async function responseStatus(id: string): Promise<ResponseStatus | undefined> {
  const row = await withDatabase((database) => database.responses.get(id));
  return row?.status;
}

export function quarantinedResponses(): Promise<DeviceResponse[]> {
  return withDatabase((database) =>
    database.responses.where('status').equals('quarantined').toArray(),
  );
}

const DAY_MS = 86_400_000;

/**
 * Deletes synced responses acknowledged at or before `before` (ms): the collector has them,
 * and a shared tablet should not keep patrons' answers longer than it needs to.
 */
export function pruneSynced(before: number): Promise<number> {
  return withDatabase((database) =>
    database.responses
      .where('[status+updatedAt]')
      .between(['synced', 0], ['synced', before], true, true)
      .delete(),
  );
}

/**
 * Deletes what the collector acknowledged more than the branch's days ago (sentKeptDays;
 * 0: everything acknowledged). A stolen tablet then holds at most that many days of answers.
 */
export async function pruneSent(now: number): Promise<number> {
  return pruneSynced(now - (await getSentKeptDays()) * DAY_MS);
}
