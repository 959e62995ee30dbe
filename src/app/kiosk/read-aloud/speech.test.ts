import { describe, expect, it } from 'vitest';
import { CANCEL_SETTLE_MS, type SpeechEngine, SpeechReader } from './speech';

/** An utterance as the reader uses it: its words, language, voice and handlers. */
class FakeUtterance {
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  onend: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly text: string) {}
}

/** An engine that records what it was asked to speak and ends utterances when told. */
class FakeEngine implements SpeechEngine {
  spoken: FakeUtterance[] = [];
  cancels = 0;
  paused = false;
  resumes = 0;
  private current: FakeUtterance | undefined;
  get speaking() {
    return this.current !== undefined;
  }
  get pending() {
    return false;
  }
  speak = (utterance: SpeechSynthesisUtterance) => {
    this.current = utterance as unknown as FakeUtterance;
    this.spoken.push(this.current);
  };
  cancel = () => {
    this.cancels += 1;
    this.current = undefined;
  };
  resume = () => {
    this.resumes += 1;
    this.paused = false;
  };
  /** The utterance being spoken ends (or fails). */
  finish(kind: 'end' | 'error' = 'end') {
    const utterance = this.current;
    this.current = undefined;
    utterance?.[kind === 'end' ? 'onend' : 'onerror']?.(new Event(kind));
  }
}

function setup() {
  const engine = new FakeEngine();
  const timers: { run: () => void; ms: number }[] = [];
  const reader = new SpeechReader(
    engine,
    (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
    (run, ms) => void timers.push({ run, ms }),
  );
  const runTimers = () => {
    for (const timer of timers.splice(0)) timer.run();
  };
  return { engine, reader, timers, runTimers };
}

const voice = { name: 'Magyar', lang: 'hu-HU' } as SpeechSynthesisVoice;
const segments = [{ text: 'Kérdés' }, { text: 'Igen', id: 'q=yes' }, { text: 'Nem', id: 'q=no' }];

describe('SpeechReader', () => {
  it('speaks one segment at a time, each with the language and voice, the next on end or error', () => {
    const { engine, reader } = setup();
    reader.read(segments, { lang: 'hu', voice });
    expect(engine.spoken.map((u) => u.text)).toEqual(['Kérdés']);
    expect(engine.spoken[0]).toMatchObject({ lang: 'hu', voice });
    expect(reader.reading).toBe(true);
    expect(reader.currentId).toBeUndefined();

    engine.finish();
    expect(engine.spoken.map((u) => u.text)).toEqual(['Kérdés', 'Igen']);
    expect(reader.currentId).toBe('q=yes');

    engine.finish('error');
    expect(engine.spoken.map((u) => u.text)).toEqual(['Kérdés', 'Igen', 'Nem']);
    expect(reader.currentId).toBe('q=no');

    engine.finish();
    expect(reader.reading).toBe(false);
    expect(reader.currentId).toBeUndefined();
    expect(engine.spoken).toHaveLength(3);
  });

  it('tells its listeners as the reading moves, and stops telling them once unsubscribed', () => {
    const { engine, reader } = setup();
    const seen: (string | undefined)[] = [];
    const unsubscribe = reader.subscribe(() => seen.push(reader.currentId));
    reader.read(segments, { lang: 'hu', voice });
    engine.finish();
    unsubscribe();
    engine.finish();
    expect(seen).toContain('q=yes');
    expect(seen).not.toContain('q=no');
  });

  it('stops at once: cancelled, and a late end of the cancelled utterance speaks nothing more', () => {
    const { engine, reader } = setup();
    reader.read(segments, { lang: 'hu', voice });
    engine.finish();
    const interrupted = engine.spoken.at(-1);
    reader.stop();
    expect(engine.cancels).toBe(1);
    expect(reader.reading).toBe(false);
    expect(reader.currentId).toBeUndefined();
    // Chrome fires "error" (interrupted) on the cancelled utterance, Safari "end".
    interrupted?.onerror?.(new Event('error'));
    interrupted?.onend?.(new Event('end'));
    expect(engine.spoken).toHaveLength(2);
  });

  it('starts a reading right after a cancel only once the cancel had a moment to settle', () => {
    const { engine, reader, timers, runTimers } = setup();
    reader.read(segments, { lang: 'hu', voice });
    reader.read(segments.slice(1), { lang: 'hu', voice });
    // The first reading was cancelled; the second waits instead of being dropped by Chrome.
    expect(engine.cancels).toBe(1);
    expect(engine.spoken.map((u) => u.text)).toEqual(['Kérdés']);
    expect(timers.every((timer) => timer.ms === CANCEL_SETTLE_MS)).toBe(true);
    runTimers();
    expect(engine.spoken.map((u) => u.text)).toEqual(['Kérdés', 'Igen']);
  });

  it('speaks at once on a quiet engine (iOS speaks only inside the tap), and resumes a paused one', () => {
    const { engine, reader, timers } = setup();
    engine.paused = true;
    reader.read(segments, { lang: 'hu', voice });
    expect(engine.spoken).toHaveLength(1);
    expect(engine.resumes).toBe(1);
    expect(timers).toEqual([]);
  });

  it('does nothing for nothing to read, and a delayed start stopped first never speaks', () => {
    const { engine, reader, runTimers } = setup();
    reader.read([], { lang: 'hu', voice });
    expect(reader.reading).toBe(false);
    reader.read(segments, { lang: 'hu', voice });
    reader.stop();
    reader.read(segments, { lang: 'hu', voice });
    reader.stop();
    runTimers();
    expect(engine.spoken).toHaveLength(1);
    expect(reader.reading).toBe(false);
  });
});
