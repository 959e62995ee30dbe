import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageError, type StorageErrorKind } from '../store';
import { type DraftInput, ResponseClosedError } from '../store/responses';
import { DraftWriter, flushWhenPageHides, TYPING_WRITE_DELAY_MS } from './draft-writer';

function draft(answers: DraftInput['answers']): DraftInput {
  return {
    id: 'r1',
    surveyId: 'library-service-quality',
    surveyVersion: 1,
    locale: 'lt',
    channel: 'kiosk',
    startedAt: '2026-11-20T09:00:00.000Z',
    answers,
  };
}

/** A disk whose writes finish only when the test says so, one at a time or all at once. */
function slowDisk() {
  const written: DraftInput['answers'][] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const save = (d: DraftInput) =>
    new Promise<void>((resolve) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      waiting.push(() => {
        inFlight--;
        written.push(d.answers);
        resolve();
      });
    });
  return {
    save,
    written,
    get waiting() {
      return waiting.length;
    },
    get mostInFlight() {
      return mostInFlight;
    },
    finishOne: () => waiting.shift()?.(),
  };
}

/** A disk that writes at once and records what it was given. */
function quickDisk() {
  const written: DraftInput['answers'][] = [];
  return {
    written,
    save: async (d: DraftInput) => {
      written.push(d.answers);
    },
  };
}

/** Lets every settled promise run its callbacks; no timer is involved. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('the draft writer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a choice at once, with no timer started or advanced', async () => {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    const saved = writer.writeNow(draft({ recommend: 9 }));
    expect(vi.getTimerCount()).toBe(0);
    await settle();
    expect(disk.written).toEqual([{ recommend: 9 }]);
    await expect(saved).resolves.toBe(true);
  });

  it('coalesces keystrokes into one write a short delay after the first', async () => {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    for (const text of ['M', 'Mo', 'Mor', 'More']) writer.writeSoon(draft({ comment: text }));
    await vi.advanceTimersByTimeAsync(TYPING_WRITE_DELAY_MS - 1);
    expect(disk.written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(disk.written).toEqual([{ comment: 'More' }]);
  });

  it('keeps writing while the patron keeps typing, instead of waiting for a pause', async () => {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    let text = '';
    for (let keystroke = 0; keystroke < 10; keystroke++) {
      text += 'a';
      writer.writeSoon(draft({ comment: text }));
      await vi.advanceTimersByTimeAsync(TYPING_WRITE_DELAY_MS / 2);
    }
    expect(disk.written.length).toBeGreaterThanOrEqual(4);
    expect(disk.written.at(-1)).toEqual({ comment: 'aaaaaaaaaa' });
  });

  it('writes waiting text at once when flushed, and nothing more when the delay ends', async () => {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    writer.writeSoon(draft({ comment: 'Longer hours' }));
    await expect(writer.flush()).resolves.toBe(true);
    expect(disk.written).toEqual([{ comment: 'Longer hours' }]);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(TYPING_WRITE_DELAY_MS * 2);
    expect(disk.written).toHaveLength(1);
  });

  it('writes waiting text with a choice made while it waited, in one write', async () => {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    writer.writeSoon(draft({ comment: 'Quiet room' }));
    await writer.writeNow(draft({ comment: 'Quiet room', recommend: 8 }));
    await vi.advanceTimersByTimeAsync(TYPING_WRITE_DELAY_MS * 2);
    expect(disk.written).toEqual([{ comment: 'Quiet room', recommend: 8 }]);
  });

  it('writes one draft at a time, in order, and skips states a later one replaced', async () => {
    const disk = slowDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    void writer.writeNow(draft({ recommend: 1 }));
    await settle();
    void writer.writeNow(draft({ recommend: 2 }));
    const last = writer.writeNow(draft({ recommend: 3 }));
    await settle();
    expect(disk.waiting).toBe(1);
    disk.finishOne();
    await settle();
    disk.finishOne();
    await expect(last).resolves.toBe(true);
    expect(disk.written).toEqual([{ recommend: 1 }, { recommend: 3 }]);
    expect(disk.mostInFlight).toBe(1);
  });

  it('reports a failed write, never as saved, and writes it again on "Try again"', async () => {
    const results: (StorageErrorKind | null)[] = [];
    const disk = quickDisk();
    let full = true;
    const writer = new DraftWriter(
      (failure) => results.push(failure),
      async (d) => {
        if (full) throw new StorageError('quota', new Error('The disk is full'));
        await disk.save(d);
      },
    );
    await expect(writer.writeNow(draft({ recommend: 4 }))).resolves.toBe(false);
    expect(results).toEqual(['quota']);
    expect(disk.written).toEqual([]);

    full = false;
    await expect(writer.flush()).resolves.toBe(true);
    expect(results).toEqual(['quota', null]);
    expect(disk.written).toEqual([{ recommend: 4 }]);
  });

  it('writes the newer state, not the failed one, when the patron answered again meanwhile', async () => {
    const disk = quickDisk();
    let fail = true;
    const writer = new DraftWriter(
      () => {},
      async (d) => {
        if (fail) throw new Error('connection lost');
        await disk.save(d);
      },
    );
    await writer.writeNow(draft({ recommend: 4 }));
    fail = false;
    await writer.writeNow(draft({ recommend: 5 }));
    await writer.flush();
    expect(disk.written).toEqual([{ recommend: 5 }]);
  });

  it('stops writing a draft that was queued meanwhile, and reports no failure for it', async () => {
    const results: (StorageErrorKind | null)[] = [];
    let attempts = 0;
    const writer = new DraftWriter(
      (failure) => results.push(failure),
      async () => {
        attempts++;
        throw new ResponseClosedError('response r1 is already queued');
      },
    );
    await expect(writer.writeNow(draft({ recommend: 4 }))).resolves.toBe(true);
    await writer.flush();
    expect(attempts).toBe(1);
    expect(results).toEqual([]);
  });

  it('forgets waiting text when the draft is discarded', async () => {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    writer.writeSoon(draft({ comment: 'A private remark' }));
    writer.discard();
    await vi.advanceTimersByTimeAsync(TYPING_WRITE_DELAY_MS * 2);
    await writer.flush();
    expect(disk.written).toEqual([]);
  });
});

describe('flushing when the page hides', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakePage() {
    const document = Object.assign(new EventTarget(), {
      visibilityState: 'visible' as DocumentVisibilityState,
    });
    return { window: new EventTarget(), document };
  }

  function typing() {
    const disk = quickDisk();
    const writer = new DraftWriter(() => {}, disk.save);
    writer.writeSoon(draft({ comment: 'Open on Sundays' }));
    return { disk, writer };
  }

  it('writes waiting text when the page becomes hidden, with no timer advanced', async () => {
    const page = fakePage();
    const { disk, writer } = typing();
    flushWhenPageHides(writer, page);
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(disk.written).toEqual([{ comment: 'Open on Sundays' }]);
  });

  it('writes waiting text on pagehide', async () => {
    const page = fakePage();
    const { disk, writer } = typing();
    flushWhenPageHides(writer, page);
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(disk.written).toEqual([{ comment: 'Open on Sundays' }]);
  });

  it('lets typing wait when the page becomes visible again', async () => {
    const page = fakePage();
    const { disk, writer } = typing();
    flushWhenPageHides(writer, page);
    page.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(disk.written).toEqual([]);
  });

  it('stops listening when told to', async () => {
    const page = fakePage();
    const { disk, writer } = typing();
    flushWhenPageHides(writer, page)();
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(disk.written).toEqual([]);
  });
});
