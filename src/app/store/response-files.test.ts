import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SurveyResponseSchema } from '../../shared/contract/response';
import { db, useDatabase } from './database';
import { discardRefused, refusedForFile, waitingForFile } from './response-files';
import {
  countByStatus,
  markSynced,
  outboxBatch,
  quarantineResponses,
  saveDraft,
  submitDraft,
} from './responses';
import { ensureDeviceId, saveEnrollment, updateSyncState } from './settings';

/** Queues a response answered on the kiosk; returns its id. */
async function queue(link?: { token: string; branchId: string }): Promise<string> {
  const id = uuidv7();
  await saveDraft({
    id,
    surveyId: 'library-service-quality',
    surveyVersion: 1,
    locale: 'hu',
    channel: link ? 'qr' : 'kiosk',
    startedAt: '2026-11-20T09:00:00.000Z',
    answers: { 'overall-satisfaction': 4 },
    ...(link ? { link } : {}),
  });
  await submitDraft(id, new Date('2026-11-20T09:02:00.000Z'));
  return id;
}

beforeEach(async () => {
  useDatabase(`files-test-${Math.random()}`);
  await saveEnrollment({
    token: 'secret',
    deviceId: await ensureDeviceId(),
    branch: { id: 'bookmobile', name: 'Bookmobile' },
    enrolledAt: 0,
  });
});

afterEach(async () => {
  await db.delete();
});

describe('saving waiting responses to a file', () => {
  it('gives the outbox’s records exactly as sync sends them, with the device, branch and clock offset', async () => {
    const ids = [await queue(), await queue(), await queue()];
    await updateSyncState({ clockOffsetMs: -1500 });
    const saved = await waitingForFile(100);
    expect(saved).toEqual({
      deviceId: await ensureDeviceId(),
      branchId: 'bookmobile',
      clockOffsetMs: -1500,
      responses: await outboxBatch(100),
    });
    expect(saved.responses.map((r) => r.id)).toEqual(ids);
    for (const record of saved.responses) {
      expect(SurveyResponseSchema.parse(record)).toEqual(record);
    }
  });

  it('removes nothing: the responses stay queued until the collector acknowledges them', async () => {
    const id = await queue();
    await waitingForFile(100);
    expect(await countByStatus()).toMatchObject({ queued: 1 });
    await markSynced([id]);
    expect((await waitingForFile(100)).responses).toEqual([]);
  });

  it('takes the oldest up to the limit, and never a draft, a sent one or a public link’s', async () => {
    const [first, second] = [await queue(), await queue(), await queue()];
    await queue({ token: 'poster-token', branchId: 'main' });
    await saveDraft({
      id: uuidv7(),
      surveyId: 'library-service-quality',
      surveyVersion: 1,
      locale: 'en',
      channel: 'kiosk',
      startedAt: '2026-11-20T10:00:00.000Z',
      answers: {},
    });
    expect((await waitingForFile(2)).responses.map((r) => r.id)).toEqual([first, second]);
    expect((await waitingForFile(100)).responses.every((r) => r.channel === 'kiosk')).toBe(true);
    expect((await waitingForFile(100)).responses).toHaveLength(3);
  });
});

describe('refused responses', () => {
  it('are given with each reason, and discarded by the saved ids only', async () => {
    const [a, b, waiting] = [await queue(), await queue(), await queue()];
    await quarantineResponses([
      { id: a, outcome: 'rejected', reason: 'unknown survey version', path: 'surveyVersion' },
      { id: b, outcome: 'conflict', reason: 'another response has this id' },
    ]);
    const saved = await refusedForFile();
    expect(saved.responses.map((r) => r.id)).toEqual([a, b]);
    expect(saved.refusals).toEqual([
      { id: a, outcome: 'rejected', reason: 'unknown survey version', path: 'surveyVersion' },
      { id: b, outcome: 'conflict', reason: 'another response has this id' },
    ]);

    // One more is refused after the file was saved: it stays for the next file.
    const later = await queue();
    await quarantineResponses([{ id: later, outcome: 'rejected', reason: 'too late' }]);
    expect(await discardRefused([...saved.responses.map((r) => r.id), waiting])).toBe(2);
    expect(await countByStatus()).toMatchObject({ queued: 1, quarantined: 1 });
    expect((await refusedForFile()).responses.map((r) => r.id)).toEqual([later]);
  });
});
