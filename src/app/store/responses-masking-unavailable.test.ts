/**
 * A kiosk whose masking module cannot be loaded (a chunk missing from a broken cache) still
 * queues the patron's response, as typed: the collector masks it on arrival, and losing the
 * response would be worse.
 */
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db, useDatabase } from './database';
import { saveDraft, submitDraft } from './responses';

vi.mock('../../shared/privacy/personal-data', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

beforeEach(() => {
  useDatabase(`store-test-${Math.random()}`);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

it('queues the response as typed and says why', async () => {
  const id = uuidv7();
  const answers = { improve: 'Call me on 07911 123456' };
  await saveDraft({
    id,
    surveyId: 'library-service-quality',
    surveyVersion: 1,
    locale: 'en',
    channel: 'kiosk',
    startedAt: '2026-11-20T09:00:00.000Z',
    answers,
  });
  const queued = await submitDraft(id, new Date('2026-11-20T09:04:00.000Z'));
  expect(queued).toMatchObject({ status: 'queued', answers });
  expect(console.error).toHaveBeenCalledWith(
    'loading the masking of personal data failed',
    expect.any(Error),
  );
});
