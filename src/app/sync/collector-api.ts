/**
 * The app's other calls to the collector: enrolling the device with a one-time code, and
 * fetching its configuration and survey package. Failures come back as stable codes the
 * UI translates; nothing here throws for a network or collector problem.
 */
import type { RequestBody } from '../../shared/contract/api';
import {
  type ApiErrorCode,
  apiErrorCodeOfStatus,
  ENROLLMENT_CODE_PROBLEMS,
  type EnrollmentCodeProblem,
} from '../../shared/contract/api-error';
import {
  type DeviceConfig,
  ENROLLMENT_CODE_PATTERN,
  MAX_DEVICE_NAME_LENGTH,
  normaliseEnrollmentCode,
} from '../../shared/contract/device';
import { DEVICE_API } from '../../shared/contract/device-api';
import { removeFormatCharacters, replaceControlCharacters } from '../../shared/contract/plain-text';
import {
  type Enrollment,
  ensureDeviceId,
  getEnrollment,
  pruneSent,
  saveEnrollment,
  saveKioskOptions,
  savePlaces,
  saveSentKeptDays,
  saveStaffPin,
  writeSetting,
} from '../store';
import { refreshBranchLook } from './branch-look-refresh';
import { type CallFailure, callFailure } from './call-failure';
import { estimateClockOffsetMs } from './clock-offset';
import { type CollectorDeps, type HttpOutcome, requestCollector } from './http';
import { collectorError, readReply } from './reply-body';
import { parseRetryAfter } from './retry-after';
import type { CallFact } from './run-state';
import { refreshSurvey, type SurveyRefresh } from './survey-refresh';

/**
 * code-invalid: no such code (or not a code at all); code-expired: ask for a new one;
 * code-used: it was used already, perhaps by this device on an answer that was lost;
 * device-refused: this device is another branch's, or revoked;
 * rate-limited: too many wrong codes from here, wait retryAfterMs.
 */
export type EnrollFailure = EnrollmentCodeProblem | Extract<ApiErrorCode, 'rate-limited'>;

export type EnrollResult =
  | { ok: true; enrollment: Enrollment }
  | { ok: false; code: EnrollFailure | CallFailure; detail?: string; retryAfterMs?: number };

export type DeviceConfigResult =
  | { ok: true; config: DeviceConfig; survey: SurveyRefresh }
  | { ok: false; code: 'not-enrolled' | 'unauthorized' | CallFailure; detail?: string };

export interface CollectorApi {
  /** Exchanges a typed (or scanned) code for a token, and keeps the enrollment. */
  enrollDevice(code: string, deviceName?: string): Promise<EnrollResult>;
  /** Fetches branch, kiosk options and the assigned survey, and keeps what changed. */
  refreshDeviceConfig(): Promise<DeviceConfigResult>;
}

const ENROLL_FAILURES: readonly string[] = [
  ...ENROLLMENT_CODE_PROBLEMS,
  'rate-limited',
] satisfies EnrollFailure[];

function isEnrollFailure(code: string | undefined): code is EnrollFailure {
  return code !== undefined && ENROLL_FAILURES.includes(code);
}

/**
 * The collector names the failure in its error body; when something on the way ate the
 * body, a status that only one enrollment failure has (409, 410, 429) still names it.
 */
function enrollFailure(outcome: HttpOutcome, now: number): EnrollResult {
  if (outcome.kind === 'reply') {
    const named = collectorError(outcome)?.code;
    const code = isEnrollFailure(named) ? named : apiErrorCodeOfStatus(outcome.status);
    if (isEnrollFailure(code)) {
      const retryAfterMs = parseRetryAfter(outcome.headers.get('Retry-After'), now);
      return { ok: false, code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
  }
  return { ok: false, ...callFailure(outcome) };
}

/**
 * Staff may paste a name with a newline or an invisible direction mark, or type a long one;
 * the collector refuses all three.
 */
function cleanDeviceName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const visible = removeFormatCharacters(replaceControlCharacters(name));
  const cleaned = visible.trim().slice(0, MAX_DEVICE_NAME_LENGTH).trim();
  return cleaned || undefined;
}

/** Where the client reports what the sync state keeps: the sync engine, its only writer. */
export interface SyncFacts {
  record(fact: CallFact): Promise<void>;
}

export function createCollectorApi(deps: CollectorDeps, syncFacts: SyncFacts): CollectorApi {
  async function enrollDevice(typed: string, deviceName?: string): Promise<EnrollResult> {
    const code = normaliseEnrollmentCode(typed);
    if (!ENROLLMENT_CODE_PATTERN.test(code)) return { ok: false, code: 'code-invalid' };
    const name = cleanDeviceName(deviceName);
    const request: RequestBody<typeof DEVICE_API.enroll> = {
      code,
      deviceId: await ensureDeviceId(),
      ...(name ? { deviceName: name } : {}),
    };
    const outcome = await requestCollector(deps, DEVICE_API.enroll, {
      json: JSON.stringify(request),
    });
    if (outcome.kind !== 'reply' || outcome.status !== 200)
      return enrollFailure(outcome, deps.now());
    const reply = readReply(DEVICE_API.enroll, outcome.body);
    if (!reply.ok) {
      return { ok: false, code: 'unexpected-reply', detail: `HTTP ${outcome.status}` };
    }
    const enrollment: Enrollment = { ...reply.value, enrolledAt: deps.now() };
    await saveEnrollment(enrollment);
    await syncFacts.record({ kind: 'enrolled' });
    return { ok: true, enrollment };
  }

  async function refreshDeviceConfig(): Promise<DeviceConfigResult> {
    const enrollment = await getEnrollment();
    if (!enrollment) return { ok: false, code: 'not-enrolled' };
    const outcome = await requestCollector(deps, DEVICE_API.deviceConfig, {
      token: enrollment.token,
    });
    if (outcome.kind === 'reply' && outcome.status === 401) {
      await syncFacts.record({ kind: 'token-refused', token: enrollment.token });
      return { ok: false, code: 'unauthorized' };
    }
    if (outcome.kind !== 'reply' || outcome.status !== 200)
      return { ok: false, ...callFailure(outcome) };
    const parsed = readReply(DEVICE_API.deviceConfig, outcome.body);
    if (!parsed.ok) return { ok: false, code: 'unexpected-reply', detail: 'not a device config' };
    const config = parsed.value;

    const offset = estimateClockOffsetMs(config.serverTime, outcome.sentAt, outcome.receivedAt);
    if (offset !== undefined) await syncFacts.record({ kind: 'clock-read', clockOffsetMs: offset });
    await saveKioskOptions(config.kiosk);
    // A shorter time from the branch applies at once, not only after the next sent batch.
    await saveSentKeptDays(config.sentKeptDays);
    // Kept for the staff view to choose from offline.
    await savePlaces(config.places);
    // A collector from before staff PINs says nothing: what the device had stays.
    if (config.staffPin !== undefined) await saveStaffPin(config.staffPin);
    await pruneSent(deps.now());
    await refreshBranchLook(deps, config);
    // Re-read: staff may have re-enrolled while the request was out; keep the newer token.
    const current = await getEnrollment();
    if (current?.token === enrollment.token)
      await saveEnrollment({ ...current, branch: config.branch });

    const survey = await refreshSurvey(deps, config.survey);
    if (survey.active) await writeSetting('activeSurvey', survey.active);
    return { ok: true, config, survey };
  }

  return { enrollDevice, refreshDeviceConfig };
}
