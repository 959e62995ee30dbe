/**
 * The collector's tables as Kysely sees them. Both dialects store the same things the same
 * way: timestamps as ISO-8601 UTC text (sorts and compares alike everywhere), JSON as text,
 * booleans as 0/1. The migrations in migrations/ create exactly this.
 */
import type { ColumnType } from 'kysely';

/** PostgreSQL returns bigint columns as strings; SQLite as numbers. Rows convert with Number(). */
type BigIntColumn = ColumnType<number | string, number, number>;

export interface BranchesTable {
  id: string;
  name: string;
  /** JSON: the kiosk options this branch overrides (KioskOptions, partial). */
  kiosk_options: string;
  /** The survey its devices run; its latest version is sent to them. */
  survey_id: string;
  created_at: string;
  /** Days its devices keep a response after it was acknowledged (0–7; 1 unless set). */
  sent_kept_days: ColumnType<number, number | undefined, number>;
  /** JSON: OpeningHours in TIME_ZONE; null when not set (always open). */
  opening_hours: ColumnType<string | null, string | null | undefined, string | null>;
  /** The name its welcome screen shows; null: none. */
  display_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** "#rrggbb" of its welcome screen; null: the kiosk's own. */
  accent: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hash of its logo in branch_logos (its URL's version); null: no logo. */
  logo_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BranchLogosTable {
  branch_id: string;
  /** image/png or image/svg+xml: checked from the bytes when it was set. */
  content_type: string;
  /** The file, base64. */
  data: string;
  /** sha256 of the file, hex. */
  hash: string;
  updated_at: string;
}

export interface DevicesTable {
  /** The device's own UUID, made on the device. */
  id: string;
  branch_id: string;
  name: string | null;
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  last_clock_offset_ms: number | null;
  /** JSON: the kiosk's latest DeviceHealth, as it sent it with a sync batch. */
  health: ColumnType<string | null, string | null | undefined, string | null>;
  /** When that report arrived. */
  health_reported_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnrollmentCodesTable {
  /** sha256 of the code as shown (XXXX-XXXX-XXXX); the code itself is never stored. */
  code_hash: string;
  branch_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_device_id: string | null;
}

/**
 * Where a version's texts come from: the app's built-in questionnaire, or a package staff
 * imported (a corrected translation, say). Seeding at start never overwrites imported texts.
 */
export type SurveyTextsSource = 'built-in' | 'imported';

export interface SurveyPackagesTable {
  survey_id: string;
  version: number;
  /** JSON: { id, version, title, questions }. */
  structure: string;
  /** JSON: { <language>: translation tree }. */
  translations: string;
  /** Hash of structure and translations; the HTTP ETag. */
  etag: string;
  texts_source: SurveyTextsSource;
  created_at: string;
}

export interface ResponsesTable {
  /** UUIDv7 made on the device: the idempotency key of sync. */
  id: string;
  survey_id: string;
  survey_version: number;
  /** The device's branch on the collector when the response arrived. */
  branch_id: string;
  device_id: string;
  device_seq: BigIntColumn;
  channel: string;
  locale: string;
  location: string | null;
  started_at: string;
  submitted_at: string;
  received_at: string;
  clock_offset_ms: number | null;
  /** 0 or 1. */
  completed: number;
  /** JSON: { questionId: answer }. */
  answers: string;
  /** sha256 of the record as the device sent it (without branchId): tells duplicate from conflict. */
  content_hash: string;
  /** What the device believed its branch was; kept, never trusted. */
  claimed_branch_id: string | null;
  /**
   * The day the patron answered, YYYY-MM-DD in TIME_ZONE: submitted_at + clock_offset_ms
   * (the offset is collector clock − device clock). Null until the response is counted in
   * the results rollups; set in the same transaction as its counts.
   */
  answered_day: string | null;
  /** 1: the device found the answers came implausibly fast; left out of the results unless asked. */
  suspect: ColumnType<number, number | undefined, number>;
}

/**
 * A response taken out of the results (CLI: device quarantine). Its id and content hash
 * stay, so that the device sending it again is answered as for any stored response.
 */
export interface QuarantinedResponsesTable {
  id: string;
  device_id: string;
  received_at: string;
  content_hash: string;
  quarantined_at: string;
  /** JSON: the responses row as it was; null once deleted. */
  response: string | null;
}

/**
 * The daily quota's count: a device's responses in `responses` received within
 * [day_start, day_end), ISO UTC instants of a day in TIME_ZONE (migration 0013).
 */
export interface DeviceDayCountsTable {
  device_id: string;
  day_start: string;
  day_end: string;
  n: number;
}

/** The slice of a count: every results filter besides the survey and the period. */
interface ResultSlice {
  branch_id: string;
  channel: string;
  locale: string;
  /** 0 or 1. */
  completed: number;
  /** The response's place (a bookmobile stop, a floor); '' for none. */
  location: string;
  /** 0 or 1: the answers came implausibly fast. */
  suspect: number;
  n: BigIntColumn;
}

/** Counts per answer key (results/counts.ts) and slice, per day answered. */
export interface ResultAnswerDaysTable extends ResultSlice {
  survey_id: string;
  question_id: string;
  day: string;
  item: string;
  value: string;
}

/** The same per month (YYYY-MM): a period's whole months are read from here. */
export interface ResultAnswerMonthsTable extends Omit<ResultAnswerDaysTable, 'day'> {
  month: string;
}

/** Responses per slice, per day answered. */
export interface ResultResponseDaysTable extends ResultSlice {
  survey_id: string;
  day: string;
}

export interface ResultResponseMonthsTable extends ResultSlice {
  survey_id: string;
  month: string;
}

/** A text a patron wrote (a text answer, or a choice's "other"), with what filters it. */
export interface CommentsTable {
  response_id: string;
  question_id: string;
  kind: 'text' | 'other';
  text: string;
  /** text in lower case (locale-independent), searched with LIKE. */
  folded: string;
  survey_id: string;
  branch_id: string;
  channel: string;
  locale: string;
  /** 0 or 1. */
  completed: number;
  answered_day: string;
  /** The response's answer to the survey's headline rating (its first rating question). */
  headline_rating: number | null;
  /** The response's place; '' for none. */
  location: string;
  /** 0 or 1: the response is suspect (left out unless asked). */
  suspect: number;
}

export interface CommentTagsTable {
  response_id: string;
  question_id: string;
  tag: string;
  created_at: string;
  /** The staff account that tagged it, when known. */
  created_by: string | null;
}

export type StaffRoleColumn = 'admin' | 'branch';

export interface StaffUsersTable {
  id: string;
  /** Lower-case; unique. */
  email: string;
  /** scrypt with its parameters: scrypt$<log2 N>$<r>$<p>$<salt>$<hash> (staff/passwords.ts). */
  password_hash: string;
  role: StaffRoleColumn;
  /** Set for branch staff (and only for them): the one branch they see. */
  branch_id: string | null;
  /** A disabled user cannot sign in, and their sessions were ended. */
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  /** sha256 of the session id the cookie carries; the id itself is never stored. */
  id_hash: string;
  user_id: string;
  created_at: string;
  /** Written at most once a minute, so a busy dashboard does not write on every request. */
  last_used_at: string;
  /** The session ends here unless used before; each use moves it (never past expires_at). */
  idle_expires_at: string;
  /** The session ends here however it is used. */
  expires_at: string;
  user_agent: string | null;
}

export interface FirstAdminTokensTable {
  /** sha256 of the token in the first start's setup link. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A public link (a QR code on a poster): one branch, one survey, open until closed. */
export interface PublicLinksTable {
  /** 32 characters of base64url; printed on posters, so stored as it is. */
  token: string;
  branch_id: string;
  survey_id: string;
  /** The link's own device row, revoked from the start: its responses are stored under it. */
  device_id: string;
  created_at: string;
  /** The last instant it takes responses; null: until revoked. */
  until: string | null;
  revoked_at: string | null;
}

/** What phones on public links sent, per limit key and window (see public-limits.ts). */
export interface PublicLimitCountersTable {
  key: string;
  window_start: string;
  /** When the window is over: the counter is purged after it. */
  window_end: string;
  count: number;
}

/** The HMAC key of a UTC day for client addresses in counter keys; purged with them. */
export interface PublicLimitKeysTable {
  day: string;
  /** base64url of 32 random bytes. */
  secret: string;
}

/** A branch's places: a bookmobile's stops, a building's floors or desks. */
export interface PlacesTable {
  id: string;
  branch_id: string;
  /** Plain text (plainTextSchema), at most MAX_LOCATION_LENGTH: what responses carry as location. */
  name: string;
  created_at: string;
}

/** A branch's staff PIN as a PBKDF2-SHA256 hash (devices/staff-pin.ts); no row: no PIN. */
export interface BranchStaffPinsTable {
  branch_id: string;
  /** 'PBKDF2-SHA256'. */
  algorithm: string;
  iterations: number;
  /** Lower-case hex. */
  salt: string;
  /** Lower-case hex of the derived key; the PIN itself is never stored. */
  hash: string;
  set_at: string;
}

export interface Database {
  branches: BranchesTable;
  branch_logos: BranchLogosTable;
  devices: DevicesTable;
  enrollment_codes: EnrollmentCodesTable;
  survey_packages: SurveyPackagesTable;
  responses: ResponsesTable;
  quarantined_responses: QuarantinedResponsesTable;
  device_day_counts: DeviceDayCountsTable;
  result_answer_days: ResultAnswerDaysTable;
  result_answer_months: ResultAnswerMonthsTable;
  result_response_days: ResultResponseDaysTable;
  result_response_months: ResultResponseMonthsTable;
  comments: CommentsTable;
  comment_tags: CommentTagsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  first_admin_tokens: FirstAdminTokensTable;
  public_links: PublicLinksTable;
  public_limit_counters: PublicLimitCountersTable;
  public_limit_keys: PublicLimitKeysTable;
  places: PlacesTable;
  branch_staff_pins: BranchStaffPinsTable;
}
