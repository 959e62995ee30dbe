import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SurveyStructureSchema } from '../../shared/contract/survey-package';
import { db, useDatabase } from '../store/database';
import { type DraftInput, openDrafts, outboxBatch, saveDraft } from '../store/responses';
import { type DraftFacts, type DraftFate, draftFates, startingState } from './resume-policy';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const MAX_IDLE_MS = 90_000;
const context = { survey: { id: 'lsq', version: 2 }, now: NOW, maxIdleMs: MAX_IDLE_MS };

function facts(id: string, overrides: Partial<DraftFacts> = {}): DraftFacts {
  return {
    id,
    surveyId: 'lsq',
    surveyVersion: 2,
    updatedAt: NOW - 10_000,
    heldElsewhere: false,
    ...overrides,
  };
}

describe('the resume policy', () => {
  it.each<[string, DraftFacts[], Record<string, DraftFate>]>([
    ['resumes a fresh draft of the survey on screen', [facts('a')], { a: 'resume' }],
    [
      'resumes a draft written exactly the idle period ago',
      [facts('a', { updatedAt: NOW - MAX_IDLE_MS })],
      { a: 'resume' },
    ],
    [
      'closes a draft left longer than the idle period',
      [facts('a', { updatedAt: NOW - MAX_IDLE_MS - 1 })],
      { a: 'close-stale' },
    ],
    [
      'leaves a draft another tab holds to that tab, however long ago it was written',
      [facts('a', { updatedAt: NOW - 10 * 60_000, heldElsewhere: true })],
      { a: 'held-elsewhere' },
    ],
    [
      'leaves a fresh draft another tab shows to that tab',
      [facts('a', { heldElsewhere: true })],
      { a: 'held-elsewhere' },
    ],
    [
      'closes a draft of another survey',
      [facts('a', { surveyId: 'annual-residents' })],
      { a: 'close-other-survey' },
    ],
    [
      'closes a draft of an earlier version of the survey',
      [facts('a', { surveyVersion: 1 })],
      { a: 'close-other-survey' },
    ],
    [
      'resumes only the most recently written of two fresh drafts',
      [facts('older', { updatedAt: NOW - 20_000 }), facts('newer', { updatedAt: NOW - 5_000 })],
      { older: 'not-newest', newer: 'resume' },
    ],
    [
      'resumes its own draft when another tab holds a newer one',
      [facts('older', { updatedAt: NOW - 20_000 }), facts('newer', { heldElsewhere: true })],
      { older: 'resume', newer: 'held-elsewhere' },
    ],
    [
      'resumes the newest draft of its survey, not a newer one of another survey',
      [
        facts('mine', { updatedAt: NOW - 20_000 }),
        facts('other', { updatedAt: NOW - 5_000, surveyId: 'annual-residents' }),
      ],
      { mine: 'resume', other: 'close-other-survey' },
    ],
    [
      'resumes the fresh draft and closes the stale one',
      [facts('fresh'), facts('stale', { updatedAt: NOW - 5 * 60_000 })],
      { fresh: 'resume', stale: 'close-stale' },
    ],
  ])('%s', (_, drafts, expected) => {
    expect(Object.fromEntries(draftFates(drafts, context).map((d) => [d.id, d.fate]))).toEqual(
      expected,
    );
  });

  it('decides nothing when there is no draft', () => {
    expect(draftFates([], context)).toEqual([]);
  });
});

const survey = SurveyStructureSchema.parse({
  id: 'lsq',
  version: 2,
  title: 'title',
  questions: [
    { id: 'visits', type: 'single', options: [{ id: 'often' }, { id: 'never' }] },
    { id: 'overall', type: 'rating', scale: 'satisfaction' },
  ],
});
const kioskOptions = {
  idleTimeoutSeconds: 60,
  idleWarningSeconds: 30,
  defaultLocale: 'sl' as const,
};

function draft(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    id: uuidv7(),
    surveyId: 'lsq',
    surveyVersion: 2,
    locale: 'hu',
    channel: 'kiosk',
    startedAt: new Date(NOW - 60_000).toISOString(),
    answers: { visits: 'often' },
    currentQuestionId: 'overall',
    ...overrides,
  };
}

describe('the kiosk at start-up', () => {
  beforeEach(() => {
    useDatabase(`resume-test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const start = (heldElsewhere = async (_id: string) => false) =>
    startingState({ survey, kioskOptions, now: new Date(NOW), heldElsewhere });

  it('starts on the welcome screen in the default language when the device holds no draft', async () => {
    expect(await start()).toEqual({ stage: 'welcome', language: 'sl' });
  });

  it('resumes a fresh draft on its question, in its language, with its answers', async () => {
    const fresh = draft();
    await saveDraft(fresh, NOW - 5_000);
    expect(await start()).toMatchObject({
      stage: 'question',
      language: 'hu',
      session: { responseId: fresh.id, questionId: 'overall', answers: { visits: 'often' } },
    });
    expect((await openDrafts()).map((d) => d.id)).toEqual([fresh.id]);
  });

  it('queues a stale draft as incomplete and starts on the welcome screen', async () => {
    const stale = draft();
    await saveDraft(stale, NOW - 10 * 60_000);
    expect(await start()).toEqual({ stage: 'welcome', language: 'sl' });
    expect((await outboxBatch(5)).map((r) => [r.id, r.completed])).toEqual([[stale.id, false]]);
    expect(await openDrafts()).toEqual([]);
  });

  it('queues a draft of an earlier survey version instead of resuming it on other questions', async () => {
    const earlier = draft({ surveyVersion: 1 });
    await saveDraft(earlier, NOW - 5_000);
    expect(await start()).toEqual({ stage: 'welcome', language: 'sl' });
    expect((await outboxBatch(5)).map((r) => r.id)).toEqual([earlier.id]);
  });

  it('leaves a draft another tab shows untouched and starts on the welcome screen', async () => {
    const held = draft();
    await saveDraft(held, NOW - 5_000);
    expect(await start(async (id) => id === held.id)).toEqual({
      stage: 'welcome',
      language: 'sl',
    });
    expect((await openDrafts()).map((d) => d.id)).toEqual([held.id]);
    expect(await outboxBatch(5)).toEqual([]);
  });
});
