/**
 * For sync tests: a fresh store on fake-indexeddb with queued responses in it, made the
 * way the app makes them (draft, then submit), and an enrolled device.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Answers } from '../../../shared/contract/answer';
import {
  type DraftInput,
  type Enrollment,
  ensureDeviceId,
  saveDraft,
  saveEnrollment,
  submitDraft,
} from '../../store';
import { db, useDatabase } from '../../store/database';

/** A database of its own for one test; `dropStore` deletes it afterwards. */
export function freshStore(): void {
  useDatabase(`sync-test-${crypto.randomUUID()}`);
}

export async function dropStore(): Promise<void> {
  await db.delete();
}

/** The token `enroll` gives the device unless told otherwise. */
export const DEVICE_TOKEN = 'device-token-'.padEnd(43, 'x');

export async function enroll(enrolledAt: number, token = DEVICE_TOKEN): Promise<Enrollment> {
  const enrollment: Enrollment = {
    token,
    deviceId: await ensureDeviceId(),
    branch: { id: 'north', name: 'North Branch' },
    enrolledAt,
  };
  await saveEnrollment(enrollment);
  return enrollment;
}

/** What varies between the test responses; the survey and the times are always the same. */
type Made = Pick<DraftInput, 'locale' | 'channel' | 'answers' | 'link'>;

/** Queues one response the way the app does (a draft, then submitted); returns its id. */
async function queueOne(made: Made): Promise<string> {
  const id = uuidv7();
  await saveDraft({
    id,
    surveyId: 'library-service-quality',
    surveyVersion: 1,
    startedAt: '2026-11-20T08:58:00.000Z',
    ...made,
  });
  await submitDraft(id, new Date('2026-11-20T08:59:00.000Z'));
  return id;
}

/** Queues `count` responses; `answers(i)` varies them. Returns their ids, oldest first. */
export async function queueResponses(
  count: number,
  answers: (i: number) => Answers = (i) => ({ recommend: i % 11 }),
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await queueOne({ locale: 'hu', channel: 'kiosk', answers: answers(i) }));
  }
  return ids;
}

/** Queues a response a visitor's phone made through public link `link`; returns its id. */
export function queuePhoneResponse(link: string, branchId = 'south'): Promise<string> {
  return queueOne({
    locale: 'lt',
    channel: 'qr',
    link: { token: link, branchId },
    answers: { recommend: 9 },
  });
}
