/**
 * The device's one database, `library-survey`. Every table and index says why it exists.
 * Old version() blocks are never removed: a tablet that has been offline for weeks may
 * upgrade from any earlier version, with answers in it that must survive.
 */

import { Dexie, type EntityTable } from 'dexie';
import type { GapAnswer } from '../../shared/contract/answer';
import type { KioskOptions, Place } from '../../shared/contract/device';
import type { RefusalParams } from '../../shared/contract/refusal';
import type { SurveyResponse } from '../../shared/contract/response';
import type { StaffPinHash } from '../../shared/contract/staff-pin';
import type { SurveyPackage } from '../../shared/contract/survey-package';
import type { AnswerTimes } from '../../shared/survey/answer-pace';
import type { StoredBranchLook, StoredOpeningHours } from './branch-look';

export const DATABASE_NAME = 'library-survey';

/** v1: responses (drafts and the outbox), cached surveys, settings. */
export const SCHEMA_V1 = 1;

/**
 * draft: being answered (deviceSeq not yet given); queued: waiting to be sent (the outbox);
 * synced: acknowledged by the collector; quarantined: refused by the collector, kept until
 * a person decides.
 */
export type ResponseStatus = 'draft' | 'queued' | 'synced' | 'quarantined';

export interface Quarantine {
  outcome: 'conflict' | 'rejected';
  /** In English, as the collector or the device put it: shown when the code is unknown. */
  reason: string;
  /** The reason as a code with values, said in the staff's language (rows from before lack it). */
  code?: string;
  params?: RefusalParams;
  path?: string;
  /** ms since the epoch, device clock */
  at: number;
}

/**
 * A response as the device keeps it (a draft, or queued, synced or quarantined): the
 * contract's record plus the device's bookkeeping. The collector's row is CollectedResponse.
 */
export interface DeviceResponse extends Omit<SurveyResponse, 'deviceSeq' | 'submittedAt'> {
  status: ResponseStatus;
  /** Given when the draft is queued, so an abandoned empty draft leaves no gap. */
  deviceSeq?: number;
  submittedAt?: string;
  /** ms since the epoch of the last write: a draft idle longer than the kiosk timeout is closed. */
  updatedAt: number;
  /** The question on screen at the last save, so a reload resumes there. */
  currentQuestionId?: string;
  /**
   * Gap items answered on one or two of their three lines, by question id, so that a
   * reload or a crash brings back every line the patron tapped. Kept apart from `answers`
   * on purpose: the contract has a gap answer whole or not at all, and the collector
   * quarantines a response holding anything else. Like currentQuestionId this is the
   * draft's own state, dropped when the draft is queued: an incomplete response carries
   * whole answers only, and nothing downstream has to know partial lines exist.
   */
  partialGaps?: Record<string, Partial<GapAnswer>>;
  /**
   * When each question was first answered (ms, device clock), by question id: the draft's
   * own record of the patron's pace (shared/survey/answer-pace.ts), from which `suspect` is
   * set when the draft is queued. Dropped then like currentQuestionId: it is not part of
   * what is sent. Not indexed, so no schema version: a row from before has none, and its
   * answers then count as untimed.
   */
  answerTimes?: AnswerTimes;
  syncedAt?: number;
  quarantine?: Quarantine;
  /**
   * The public link a visitor's phone answered through (phone mode): the response is sent
   * with this token, to the link's endpoint, and never with a kiosk's device token. Absent
   * on a kiosk's responses.
   */
  link?: string;
}

export interface CachedSurvey {
  id: string;
  package: SurveyPackage;
  etag?: string;
  fetchedAt: number;
}

/**
 * A public link as the phone last read it from the collector, so that a reload with no
 * signal still shows the survey once it has been opened.
 */
export interface CachedLink {
  branch: { id: string; name: string };
  survey: { id: string; version: number };
  state: 'open' | 'closed';
  /** ms since the epoch, device clock */
  fetchedAt: number;
}

/** What the collector gave this device at enrollment. */
export interface Enrollment {
  token: string;
  deviceId: string;
  branch: { id: string; name: string };
  enrolledAt: number;
}

/** Sync bookkeeping, shown to staff and used to pace retries. */
export interface SyncState {
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** A stable code the app translates, e.g. 'offline', 'unauthorized', 'server-error'. */
  lastError?: { code: string; at: number; detail?: string };
  /** Estimated server clock − device clock, ms. Sent along; never used to refuse. */
  clockOffsetMs?: number;
  /** Consecutive failed attempts, for the backoff. */
  failures?: number;
  nextAttemptAt?: number;
  /**
   * Records per batch after a request timed out (a slow link): halved on each timeout,
   * doubled back after each answered batch; absent at full size.
   */
  batchRecords?: number;
}

/** The settings table holds one row per key; each key's value type is declared here. */
export interface SettingValues {
  deviceId: string;
  /** The last deviceSeq given out; counts up for the life of the device. */
  deviceSeq: number;
  enrollment: Enrollment;
  kioskOptions: Partial<KioskOptions>;
  /** Days a response stays after the collector acknowledged it (the branch's; 1 until told). */
  sentKeptDays: number;
  /** The survey the collector assigned; the built-in default until then. */
  activeSurvey: { id: string; version: number };
  syncState: SyncState;
  /** Whether the browser granted persistent storage (it may still evict when false). */
  storagePersisted: boolean;
  /** Public links this phone opened, by token, as last read (phone mode). */
  links: Record<string, CachedLink>;
  /**
   * Public links this phone sent a response through, by token, with when (ms): a second
   * visit says the visitor already answered. A courtesy, not fraud prevention: clearing the
   * browser's data or another browser forgets it; the collector's limits guard the counts.
   */
  answeredLinks: Record<string, number>;
  /** Who asks the questions and where (staff view); kept across reloads. */
  interviewing: Interviewing;
  /** The branch's places, as the collector's configuration last listed them. */
  places: Place[];
  /** The branch's opening hours and their zone (branch-look.ts); absent: always open. */
  openingHours: StoredOpeningHours;
  /** The branch's welcome-screen look, its logo included (branch-look.ts). */
  branchLook: StoredBranchLook;
  /** The branch's staff PIN as the collector's hash (null: the branch has none); staff-pin.ts. */
  staffPin: StaffPinHash | null;
  /** Wrong staff PINs and locks so far (staff/pin-lockout.ts), kept so a reload does not reset them. */
  staffPinLockout: { failures: number; lockouts: number; lockedUntil?: number };
}

/**
 * How responses are made on this device: by patrons on their own (channel kiosk) or with a
 * member of staff asking the questions (channel staff, interviewer mode), and at which of
 * the branch's places (a bookmobile stop, a floor): every response started afterwards
 * carries it as its location.
 */
export interface Interviewing {
  staffAsks: boolean;
  /** The place's name, as responses carry it; null: none chosen. */
  place: string | null;
}

export type SettingKey = keyof SettingValues;
export interface SettingRow<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
}

export class SurveyDatabase extends Dexie {
  responses!: EntityTable<DeviceResponse, 'id'>;
  surveys!: EntityTable<CachedSurvey, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    // Strict durability: a transaction reports success only once the answer is on disk,
    // so "saved" on screen is true even if the tablet loses power a moment later.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(SCHEMA_V1).stores({
      // id: UUIDv7 made on the device.
      // status: the outbox (queued), drafts to restore, counts for staff.
      // [status+deviceSeq]: the outbox in the order responses were made.
      // [status+updatedAt]: synced rows old enough to prune.
      responses: 'id, status, [status+deviceSeq], [status+updatedAt]',
      // id: the survey id; one cached package per survey (the version in use).
      surveys: 'id',
      // key: one row per setting (see SettingValues).
      settings: 'key',
    });
  }
}
