import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsedQuestions } from '../../../test/fixtures/surveys';
import { SurveyResponseSchema } from '../../shared/contract/response';
import { db, noDatabaseYet, StorageError, useDatabase } from './database';
import {
  closeDraft,
  countByStatus,
  countQueued,
  type DraftInput,
  markSynced,
  openDrafts,
  outboxBatch,
  pruneSynced,
  quarantineResponses,
  ResponseClosedError,
  saveDraft,
  submitDraft,
} from './responses';
import {
  answeredLinkAt,
  ensureDeviceId,
  getInterviewing,
  saveEnrollment,
  saveInterviewing,
} from './settings';
import { breakStore } from './testing';

function draft(
  answers: DraftInput['answers'] = {},
  overrides: Partial<DraftInput> = {},
): DraftInput {
  return {
    id: uuidv7(),
    surveyId: 'library-service-quality',
    surveyVersion: 1,
    locale: 'sl',
    channel: 'kiosk',
    startedAt: new Date('2026-11-20T09:00:00Z').toISOString(),
    answers,
    ...overrides,
  };
}

beforeEach(() => {
  useDatabase(`store-test-${Math.random()}`);
});

afterEach(async () => {
  await db.delete();
});

describe('drafts', () => {
  it('writes the draft on every answer and finds it again after a reload', async () => {
    const d = draft({ 'visit-frequency': 'weekly' }, { currentQuestionId: 'todays-visit' });
    await saveDraft(d, 1000);
    await saveDraft({ ...d, answers: { ...d.answers, 'overall-satisfaction': 4 } }, 2000);

    const [open, ...others] = await openDrafts();
    expect(others).toEqual([]);
    expect(open).toMatchObject({
      id: d.id,
      status: 'draft',
      completed: false,
      answers: { 'visit-frequency': 'weekly', 'overall-satisfaction': 4 },
      currentQuestionId: 'todays-visit',
      updatedAt: 2000,
    });
    expect(open?.deviceSeq).toBeUndefined();
  });

  it('turns the draft into a queued response in the same row on submit', async () => {
    const d = draft({ 'overall-satisfaction': 5 });
    await saveDraft(d);
    const queued = await submitDraft(d.id, new Date('2026-11-20T09:04:00Z'));

    expect(queued).toMatchObject({
      id: d.id,
      status: 'queued',
      completed: true,
      deviceSeq: 1,
      submittedAt: '2026-11-20T09:04:00.000Z',
    });
    expect(await countByStatus()).toEqual({ draft: 0, queued: 1, synced: 0, quarantined: 0 });
    expect(await openDrafts()).toEqual([]);
  });

  it('counts deviceSeq up across responses and never gives one to a dropped draft', async () => {
    const first = draft({ recommend: 9 });
    const empty = draft({});
    const second = draft({ recommend: 3 });
    for (const d of [first, empty, second]) await saveDraft(d);
    await submitDraft(first.id);
    expect(await closeDraft(empty.id)).toBeUndefined();
    await closeDraft(second.id);

    const outbox = await outboxBatch(10);
    expect(outbox.map((r) => [r.id, r.deviceSeq, r.completed])).toEqual([
      [first.id, 1, true],
      [second.id, 2, false],
    ]);
  });

  it('refuses to write over a response that was already submitted', async () => {
    const d = draft({ recommend: 10 });
    await saveDraft(d);
    await submitDraft(d.id);
    await expect(saveDraft({ ...d, answers: {} })).rejects.toBeInstanceOf(ResponseClosedError);
    expect((await outboxBatch(1))[0]?.answers).toEqual({ recommend: 10 });
  });

  it('treats an empty text and an empty selection as no answer when the patron walks away', async () => {
    const d = draft({ 'one-improvement': '   ', 'buy-more-of': { selected: [] } });
    await saveDraft(d);
    expect(await closeDraft(d.id)).toBeUndefined();
    expect(await countByStatus()).toMatchObject({ draft: 0, queued: 0 });
  });

  it('lists every draft, the most recently written first', async () => {
    const older = draft({ recommend: 7 });
    const newer = draft({ recommend: 8 });
    const sent = draft({ recommend: 9 });
    await saveDraft(newer, 2000);
    await saveDraft(older, 1000);
    await saveDraft(sent, 3000);
    await submitDraft(sent.id);
    expect((await openDrafts()).map((d) => d.id)).toEqual([newer.id, older.id]);
  });

  it('keeps the lines of a gap item answered on only some lines in the draft', async () => {
    const d = draft(
      { recommend: 8 },
      { partialGaps: { 'gap-staff-service': { minimum: 4, desired: 'na' } } },
    );
    await saveDraft(d);
    expect((await openDrafts())[0]?.partialGaps).toEqual({
      'gap-staff-service': { minimum: 4, desired: 'na' },
    });
  });

  it.each([
    ['closed as incomplete', closeDraft],
    ['submitted', submitDraft],
  ])(
    'drops unfinished gap lines from a draft %s, so the collector accepts the response',
    async (_, queue) => {
      const d = draft(
        { recommend: 8, 'gap-staff-service': { minimum: 2, desired: 7, perceived: 5 } },
        { partialGaps: { 'gap-information-access': { minimum: 4 } } },
      );
      await saveDraft(d);
      await queue(d.id);
      expect(await db.responses.get(d.id)).not.toHaveProperty('partialGaps');
      const [record] = await outboxBatch(1);
      expect(record?.answers).toEqual({
        recommend: 8,
        'gap-staff-service': { minimum: 2, desired: 7, perceived: 5 },
      });
      expect(SurveyResponseSchema.safeParse(record).success).toBe(true);
    },
  );

  it('leaves nothing when the patron walked away with only some lines of a gap item', async () => {
    const d = draft({}, { partialGaps: { 'gap-staff-service': { perceived: 6 } } });
    await saveDraft(d);
    expect(await closeDraft(d.id)).toBeUndefined();
    expect(await countByStatus()).toMatchObject({ draft: 0, queued: 0 });
  });

  it('stamps the enrolled branch and the device id on the draft', async () => {
    const deviceId = await ensureDeviceId();
    await saveEnrollment({
      token: 't'.repeat(43),
      deviceId,
      branch: { id: 'north', name: 'North' },
      enrolledAt: 1,
    });
    const d = draft({ recommend: 5 });
    await saveDraft(d);
    await submitDraft(d.id);
    expect((await outboxBatch(1))[0]).toMatchObject({ deviceId, branchId: 'north' });
  });

  it("makes the device id with a draft's first save, and takes the branch from each save's enrollment", async () => {
    const d = draft({ recommend: 5 });
    await saveDraft(d);
    const first = await db.responses.get(d.id);
    const deviceId = await ensureDeviceId();
    expect(first).toMatchObject({ deviceId, branchId: null });
    // Enrolled while the patron answers: the next save names the branch, same device.
    await saveEnrollment({
      token: 't'.repeat(43),
      deviceId,
      branch: { id: 'north', name: 'North' },
      enrolledAt: 1,
    });
    await saveDraft({ ...d, answers: { recommend: 6 } });
    expect(await db.responses.get(d.id)).toMatchObject({ deviceId, branchId: 'north' });
  });
});

describe('interviewer mode and the place', () => {
  it('gives a kiosk response the channel and place set in the staff view when its draft starts', async () => {
    expect(await getInterviewing()).toEqual({ staffAsks: false, place: null });
    const before = draft({ recommend: 8 });
    await saveDraft(before);
    await saveInterviewing({ staffAsks: true });
    await saveInterviewing({ place: 'Market square' });
    expect(await getInterviewing()).toEqual({ staffAsks: true, place: 'Market square' });
    const during = draft({ recommend: 9 });
    await saveDraft(during);
    // Changing them mid-survey moves no response that has started.
    await saveInterviewing({ staffAsks: false, place: 'School' });
    await saveDraft({ ...during, answers: { recommend: 10 } });
    await saveDraft({ ...before, answers: { recommend: 7 } });
    await submitDraft(during.id);
    await submitDraft(before.id);

    const batch = await outboxBatch(10);
    const sent = (id: string) => batch.find((r) => r.id === id);
    expect(sent(during.id)).toMatchObject({ channel: 'staff', location: 'Market square' });
    expect(sent(before.id)?.channel).toBe('kiosk');
    expect(sent(before.id)).not.toHaveProperty('location');
    for (const record of batch) expect(SurveyResponseSchema.safeParse(record).success).toBe(true);

    const after = draft({ recommend: 6 });
    await saveDraft(after);
    await submitDraft(after.id);
    expect((await outboxBatch(10)).find((r) => r.id === after.id)).toMatchObject({
      channel: 'kiosk',
      location: 'School',
    });
  });

  it('leaves a phone’s response its link’s channel, whatever the staff view says', async () => {
    await saveInterviewing({ staffAsks: true, place: 'Market square' });
    const phone = draft(
      { recommend: 3 },
      { channel: 'qr', link: { token: 'a'.repeat(32), branchId: 'main' } },
    );
    await saveDraft(phone);
    await submitDraft(phone.id);
    const [record] = await outboxBatch(10, 'a'.repeat(32));
    expect(record?.channel).toBe('qr');
    expect(record).not.toHaveProperty('location');
  });
});

describe('personal data in free texts', () => {
  const questions = parsedQuestions([
    { id: 'improve', type: 'text', maxLength: 200 },
    { id: 'visits', type: 'single', options: [{ id: 'weekly' }, { id: 'card-12345678' }] },
  ]);

  it('keeps the draft as typed and queues the response masked in its language', async () => {
    const d = draft(
      { improve: 'Pokličite me na 041 123 456 ali ana@siol.net', visits: 'card-12345678' },
      { locale: 'sl' },
    );
    await saveDraft(d);
    expect((await openDrafts())[0]?.answers).toEqual(d.answers);

    const queued = await submitDraft(d.id, new Date('2026-11-20T09:04:00Z'), questions);
    const masked = {
      improve: 'Pokličite me na [telefonska številka] ali [e-poštni naslov]',
      visits: 'card-12345678',
    };
    expect(queued?.answers).toEqual(masked);
    expect((await outboxBatch(1))[0]?.answers).toEqual(masked);
    expect(JSON.stringify(await db.responses.toArray())).not.toMatch(/041|siol/u);
  });

  it('masks a walked-away draft too, with every non-option string when the survey is unknown', async () => {
    const d = draft(
      { improve: 'моб. +7 912 345-67-89, звоните вечером', visits: 'weekly' },
      { locale: 'ru' },
    );
    await saveDraft(d);
    const closed = await closeDraft(d.id);
    expect(closed?.answers).toEqual({
      improve: 'моб. [номер телефона], звоните вечером',
      visits: 'weekly',
    });
  });
});

describe('the outbox', () => {
  async function queue(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const d = draft({ recommend: i % 11 });
      await saveDraft(d);
      await submitDraft(d.id);
      ids.push(d.id);
    }
    return ids;
  }

  it('hands out contract records, oldest first, that the collector schema accepts', async () => {
    await queue(3);
    const batch = await outboxBatch(2);
    expect(batch.map((r) => r.deviceSeq)).toEqual([1, 2]);
    for (const record of batch) expect(SurveyResponseSchema.safeParse(record).success).toBe(true);
    expect(batch[0]).not.toHaveProperty('status');
  });

  it('reads after a given deviceSeq, past rows still queued (a batch in flight)', async () => {
    const ids = await queue(5);
    // The first two are still queued, as a batch is while it travels and until it is marked.
    expect((await outboxBatch(2, undefined, 2)).map((r) => r.id)).toEqual(ids.slice(2, 4));
    expect((await outboxBatch(10, undefined, 4)).map((r) => r.id)).toEqual(ids.slice(4));
    expect(await outboxBatch(10, undefined, 5)).toEqual([]);
    expect(await countByStatus()).toMatchObject({ queued: 5 });
    // Without it, the oldest first as before.
    expect((await outboxBatch(1))[0]?.id).toBe(ids[0]);
  });

  it('marks acknowledged responses synced and keeps the rest queued', async () => {
    const [a, b, c] = await queue(3);
    await markSynced([a as string, c as string], 5000);
    expect((await outboxBatch(10)).map((r) => r.id)).toEqual([b]);
    expect(await countByStatus()).toMatchObject({ queued: 1, synced: 2 });
  });

  it.each([
    [10, 4],
    [3, 3],
    [1, 1],
  ])(
    'counts the queued responses up to %i (4 queued beside a draft, a synced and a quarantined one) → %i',
    async (upTo, expected) => {
      const [synced, refused] = await queue(6);
      await markSynced([synced as string]);
      await quarantineResponses([{ id: refused as string, outcome: 'rejected', reason: 'bad' }]);
      await saveDraft(draft({ recommend: 3 }));
      expect(await countQueued(upTo)).toBe(expected);
    },
  );

  it('keeps a refused response in quarantine with its reason and goes on with the rest', async () => {
    const [a, b] = await queue(2);
    await quarantineResponses([
      { id: a as string, outcome: 'rejected', reason: 'is required', path: 'answers.recommend' },
    ]);
    expect((await outboxBatch(10)).map((r) => r.id)).toEqual([b]);
    const row = await db.responses.get(a as string);
    expect(row).toMatchObject({
      status: 'quarantined',
      quarantine: { outcome: 'rejected', path: 'answers.recommend' },
    });
  });

  it('does not move a synced response back when a late refusal arrives', async () => {
    const [a] = await queue(1);
    await markSynced([a as string]);
    await quarantineResponses([{ id: a as string, outcome: 'conflict', reason: 'late' }]);
    expect((await db.responses.get(a as string))?.status).toBe('synced');
  });

  it('prunes only synced responses acknowledged before the cut-off', async () => {
    const [a, b, c] = await queue(3);
    await markSynced([a as string], 1000);
    await markSynced([b as string], 9000);
    expect(await pruneSynced(5000)).toBe(1);
    expect(await db.responses.get(a as string)).toBeUndefined();
    expect(await db.responses.get(b as string)).toBeDefined();
    expect((await db.responses.get(c as string))?.status).toBe('queued');
  });
});

describe('storage failures', () => {
  it('survives the browser closing the connection in the background, as iOS does', async () => {
    const d = draft({ recommend: 6 });
    await saveDraft(d);
    const connection = db.backendDB();
    connection.close();
    connection.onclose?.call(connection, new Event('close'));
    await saveDraft({ ...d, answers: { recommend: 7 } });
    expect((await openDrafts())[0]?.answers).toEqual({ recommend: 7 });
  });

  it('reopens the database and retries a write that failed on a closed connection', async () => {
    const d = draft({ recommend: 6 });
    await saveDraft(d);
    let failuresLeft = 1;
    db.use({
      stack: 'dbcore',
      name: 'closes-once',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              failuresLeft-- > 0
                ? Promise.reject(new Dexie.DatabaseClosedError())
                : table.mutate(request),
          };
        },
      }),
    });
    db.close({ disableAutoOpen: false });
    await saveDraft({ ...d, answers: { recommend: 7 } });
    expect(failuresLeft).toBe(-1);
    expect((await openDrafts())[0]?.answers).toEqual({ recommend: 7 });
  });

  it('reports a full disk as a quota error and reports nothing saved', async () => {
    const d = draft({ recommend: 1 });
    await saveDraft(d);
    const repair = breakStore({
      operations: ['mutate'],
      error: () => new DOMException('The disk is full', 'QuotaExceededError'),
    });
    const failure = await saveDraft({ ...d, answers: { recommend: 2 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).kind).toBe('quota');
    repair();
    expect((await openDrafts())[0]?.answers).toEqual({ recommend: 1 });
  });
});

describe("a phone's responses on a public link", () => {
  const LINK = { token: 'Abc_-0123456789abcdefghijklmnopq', branchId: 'south' };
  const OTHER = { token: 'Zyx_-0123456789abcdefghijklmnopq', branchId: 'east' };

  it("carry the link's branch and channel, and the phone's one id", async () => {
    // Even on a browser that was once enrolled somewhere else: the link's branch counts.
    await saveEnrollment({
      token: 't',
      deviceId: await ensureDeviceId(),
      branch: { id: 'north', name: 'North Branch' },
      enrolledAt: 0,
    });
    const first = draft({ recommend: 9 }, { channel: 'qr', link: LINK });
    const second = draft({ recommend: 3 }, { channel: 'qr', link: LINK });
    for (const d of [first, second]) {
      await saveDraft(d);
      await submitDraft(d.id);
    }
    const sent = await outboxBatch(10, LINK.token);
    expect(sent.map((r) => [r.id, r.channel, r.branchId])).toEqual([
      [first.id, 'qr', 'south'],
      [second.id, 'qr', 'south'],
    ]);
    expect(sent[0]?.deviceId).toBe(await ensureDeviceId());
    expect(sent.map((r) => r.deviceSeq)).toEqual([1, 2]);
    // The record is the contract's: the link stays on the phone.
    expect(SurveyResponseSchema.safeParse(sent[0]).success).toBe(true);
    expect(sent[0]).not.toHaveProperty('link');
  });

  it('are sent each with their own link, never with a kiosk token or another link', async () => {
    const kiosk = draft({ recommend: 1 });
    const mine = draft({ recommend: 2 }, { channel: 'qr', link: LINK });
    const other = draft({ recommend: 3 }, { channel: 'qr', link: OTHER });
    for (const d of [kiosk, mine, other]) {
      await saveDraft(d);
      await submitDraft(d.id);
    }
    expect((await outboxBatch(10)).map((r) => r.id)).toEqual([kiosk.id]);
    expect((await outboxBatch(10, LINK.token)).map((r) => r.id)).toEqual([mine.id]);
    expect((await outboxBatch(10, OTHER.token)).map((r) => r.id)).toEqual([other.id]);
    expect(await countQueued(10, LINK.token)).toBe(1);
    expect(await countQueued(10, 'Qqq_-0123456789abcdefghijklmnopq')).toBe(0);
  });

  it('leave the marker "answered" with Send, and not with a walk-away', async () => {
    const left = draft({ recommend: 2 }, { channel: 'qr', link: OTHER });
    await saveDraft(left);
    await closeDraft(left.id);
    expect(await answeredLinkAt(OTHER.token)).toBeUndefined();

    const sent = draft({ recommend: 8 }, { channel: 'qr', link: LINK });
    await saveDraft(sent);
    expect(await answeredLinkAt(LINK.token)).toBeUndefined();
    await submitDraft(sent.id, new Date('2026-11-20T09:05:00Z'));
    expect(await answeredLinkAt(LINK.token)).toBe(Date.parse('2026-11-20T09:05:00Z'));
    expect(await answeredLinkAt(OTHER.token)).toBeUndefined();
  });

  it('limit the outbox batch after picking out the link, not before', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const d = i % 2 === 0 ? draft({ recommend: i }) : draft({ recommend: i }, { link: LINK });
      await saveDraft(d);
      await submitDraft(d.id);
      if (i % 2 === 1) ids.push(d.id);
    }
    expect((await outboxBatch(2, LINK.token)).map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(await countQueued(2, LINK.token)).toBe(2);
  });
});

describe('answers that came too fast', () => {
  const START = Date.parse('2026-11-20T09:00:00Z');
  const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];

  /** Answers the questions one by one, each at the given second after Start. */
  async function answerAt(seconds: readonly number[], d = draft()): Promise<DraftInput> {
    let answers: DraftInput['answers'] = {};
    for (const [i, s] of seconds.entries()) {
      answers = { ...answers, [QUESTIONS[i] as string]: 3 };
      await saveDraft({ ...d, answers }, START + s * 1000);
    }
    return { ...d, answers };
  }

  it('keeps when each answer was first given on the draft, and not on the queued row', async () => {
    const d = await answerAt([10, 25]);
    await saveDraft({ ...d, answers: { ...d.answers, q1: 5 } }, START + 40_000);
    const [open] = await openDrafts();
    expect(open?.answerTimes).toEqual({ q1: START + 10_000, q2: START + 25_000 });
    const queued = await submitDraft(d.id, new Date(START + 50_000));
    expect(queued).not.toHaveProperty('answerTimes');
    expect(queued).not.toHaveProperty('suspect');
    expect((await outboxBatch(10))[0]).not.toHaveProperty('suspect');
  });

  it.each<[string, number[], 'submit' | 'walk away', boolean]>([
    ['a careful patron', [9, 22, 38, 51, 70, 90], 'submit', false],
    ['a child hammering', [0.5, 1, 1.4, 2, 2.3, 2.9], 'submit', true],
    ['a patron who walked away after tapping through', [1, 2, 3, 4, 5], 'walk away', true],
    ['a walk-away with two quick answers', [1, 1.5], 'walk away', false],
  ])('flags %s: suspect %s', async (_name, seconds, end, suspect) => {
    const d = await answerAt(seconds);
    const queued =
      end === 'submit'
        ? await submitDraft(d.id, new Date(START + 120_000))
        : await closeDraft(d.id, new Date(START + 120_000));
    expect(queued?.suspect === true).toBe(suspect);
    const [record] = await outboxBatch(10);
    expect(record?.suspect === true).toBe(suspect);
    // Flagged or not, it is a record the contract takes, and it is sent.
    expect(SurveyResponseSchema.safeParse(record).success).toBe(true);
  });

  it("flags a phone's response on a public link too", async () => {
    const link = { token: 'Abc_-0123456789abcdefghijklmnopq', branchId: 'south' };
    const d = await answerAt([0.3, 0.6, 0.9, 1.2, 1.5], draft({}, { channel: 'qr', link }));
    await submitDraft(d.id, new Date(START + 3_000));
    expect((await outboxBatch(10, link.token))[0]?.suspect).toBe(true);
  });

  it('does not date the answers of a draft written before answer times were kept', async () => {
    const d = draft({ q1: 1, q2: 2, q3: 3, q4: 4, q5: 5 });
    const { link: _, ...fields } = d;
    // The row as an older app left it: answers, no times.
    await db.responses.put({
      ...fields,
      deviceId: await ensureDeviceId(),
      branchId: null,
      completed: false,
      status: 'draft',
      updatedAt: START,
    });
    await saveDraft({ ...d, answers: { ...d.answers, q6: 6 } }, START + 1_000);
    const queued = await submitDraft(d.id, new Date(START + 2_000));
    expect(queued?.suspect).toBeUndefined();
  });
});

describe('a browser with no database yet', () => {
  it('is told from one whose database was opened, without opening it', async () => {
    expect(await noDatabaseYet()).toBe(true);
    expect(await noDatabaseYet()).toBe(true);
    await db.open();
    expect(await noDatabaseYet()).toBe(false);
  });

  it('is not assumed when the browser never answers which databases it has (Safari 14)', async () => {
    vi.useFakeTimers();
    const databases = vi.spyOn(indexedDB, 'databases').mockReturnValue(new Promise(() => {}));
    try {
      const answer = noDatabaseYet();
      await vi.runAllTimersAsync();
      expect(await answer).toBe(false);
    } finally {
      databases.mockRestore();
      vi.useRealTimers();
    }
  });
});
