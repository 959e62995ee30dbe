/**
 * Reads a list of segments aloud through the Web Speech API, one utterance at a time, and
 * says which segment is being read (for the highlight). Speaking one utterance and
 * chaining the next on its `end` or `error`, instead of queueing them all, keeps Chrome
 * from stalling on a long queue, and lets the highlight follow the voice.
 *
 * Chrome may drop an utterance spoken right after `cancel()`; a reading that starts while
 * the engine is still busy, or just after a cancel, therefore starts a moment later. A
 * reading that starts on a quiet engine speaks at once, inside the tap: iOS Safari speaks
 * only from a user gesture.
 *
 * The engine and the utterance constructor are passed in, so the chaining is tested with
 * fakes; `pageReader()` is the page's own reader, or undefined where the browser has no
 * speech synthesis (some kiosk browsers).
 */
import type { Segment } from './segments';

/** The part of SpeechSynthesis the reader uses. */
export interface SpeechEngine {
  readonly speaking: boolean;
  readonly pending: boolean;
  readonly paused: boolean;
  speak: (utterance: SpeechSynthesisUtterance) => void;
  cancel: () => void;
  resume: () => void;
}

export interface ReadOptions {
  /** The survey's language, as a BCP-47 tag ("hu"): the utterance's `lang`. */
  lang: string;
  voice: SpeechSynthesisVoice;
}

/** How long a cancel is given to settle before the next utterance is spoken. */
export const CANCEL_SETTLE_MS = 250;

export type Schedule = (run: () => void, ms: number) => void;

export class SpeechReader {
  private generation = 0;
  private settling = 0;
  private active = false;
  private id: string | undefined;
  /**
   * The utterance being spoken. Held so that nothing collects it before it ends: Chrome
   * then never fires its `end`, and the chain stops half-way.
   */
  private utterance: SpeechSynthesisUtterance | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly engine: SpeechEngine,
    private readonly makeUtterance: (text: string) => SpeechSynthesisUtterance,
    private readonly schedule: Schedule = (run, ms) => void setTimeout(run, ms),
  ) {}

  /** A reading is under way (from the tap until the last segment ended or it was stopped). */
  get reading(): boolean {
    return this.active;
  }

  /** The id of the segment being spoken, if it names something on screen. */
  get currentId(): string | undefined {
    return this.id;
  }

  /** Told whenever `reading` or `currentId` changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the segments in order, after stopping whatever was being read. */
  read(segments: readonly Segment[], options: ReadOptions): void {
    const busy = this.engine.speaking || this.engine.pending || this.active;
    this.stop();
    if (segments.length === 0) return;
    const run = this.generation;
    this.active = true;
    this.notify();
    const speakFrom = (index: number) => {
      if (run !== this.generation) return;
      const segment = segments[index];
      if (!segment) {
        this.finish();
        return;
      }
      const utterance = this.makeUtterance(segment.text);
      utterance.lang = options.lang;
      utterance.voice = options.voice;
      let moved = false;
      // An error (a voice that failed, a text it could not say) moves on like an end: the
      // rest of the question is still worth hearing. After a stop, both are ignored.
      const next = () => {
        if (moved) return;
        moved = true;
        speakFrom(index + 1);
      };
      utterance.onend = next;
      utterance.onerror = next;
      this.utterance = utterance;
      this.id = segment.id;
      this.notify();
      // Chrome can be left paused (e.g. after the page was hidden) and would then queue silently.
      if (this.engine.paused) this.engine.resume();
      this.engine.speak(utterance);
    };
    if (busy || this.settling > 0) this.schedule(() => speakFrom(0), CANCEL_SETTLE_MS);
    else speakFrom(0);
  }

  /** Stops at once: nothing more is spoken from the reading under way. */
  stop(): void {
    this.generation += 1;
    const wasActive = this.active;
    if (wasActive || this.engine.speaking || this.engine.pending) {
      this.engine.cancel();
      this.settling += 1;
      this.schedule(() => {
        this.settling -= 1;
      }, CANCEL_SETTLE_MS);
    }
    // What the cancelled utterance still fires (Safari: `end`, Chrome: `error` "interrupted")
    // must not chain on; the generation guards it too, this also lets it go.
    if (this.utterance) {
      this.utterance.onend = null;
      this.utterance.onerror = null;
    }
    this.active = false;
    this.id = undefined;
    this.utterance = undefined;
    if (wasActive) this.notify();
  }

  private finish(): void {
    this.active = false;
    this.id = undefined;
    this.utterance = undefined;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

let page: SpeechReader | null | undefined;

/** The page's reader, made on first use; undefined where the browser cannot speak. */
export function pageReader(): SpeechReader | undefined {
  if (page === undefined) {
    const engine = typeof window === 'undefined' ? undefined : window.speechSynthesis;
    const Utterance = typeof window === 'undefined' ? undefined : window.SpeechSynthesisUtterance;
    page = engine && Utterance ? new SpeechReader(engine, (text) => new Utterance(text)) : null;
  }
  return page ?? undefined;
}
