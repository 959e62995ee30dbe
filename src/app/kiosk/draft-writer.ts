/**
 * Writes the patron's draft behind the screen. A choice is written the moment it is made;
 * only typing waits, so that a sentence is not one write per letter, and even typing is
 * written at once when the field loses focus or the page is hidden. One write at a time,
 * in order, the latest state winning. A failed write is reported (and retried on request),
 * never shown as saved.
 */
import {
  type DraftInput,
  ResponseClosedError,
  StorageError,
  type StorageErrorKind,
  saveDraft,
} from '../store';

/** While the patron types, the text is written at most this long after a keystroke. */
export const TYPING_WRITE_DELAY_MS = 300;

export class DraftWriter {
  private pending: DraftInput | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A write is chained but has not started: it will take whatever is pending by then. */
  private queued = false;
  /** Settles true when the last write succeeded; never rejects. */
  private chain: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly onResult: (failure: StorageErrorKind | null) => void,
    private readonly save: (draft: DraftInput) => Promise<void> = (draft) => saveDraft(draft),
  ) {}

  /** A choice (an answer tapped, Next, Back, Skip, the language): written now. */
  writeNow(draft: DraftInput): Promise<boolean> {
    this.pending = draft;
    return this.flush();
  }

  /**
   * A keystroke: written together with the keystrokes that follow within the delay. The
   * delay runs from the first of them, so a patron who keeps typing is still saved.
   */
  writeSoon(draft: DraftInput): void {
    this.pending = draft;
    this.timer ??= setTimeout(() => void this.flush(), TYPING_WRITE_DELAY_MS);
  }

  /** Writes what is pending now; resolves true once everything asked for is on disk. */
  flush(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === undefined || this.queued) return this.chain;
    this.queued = true;
    this.chain = this.chain.then(async () => {
      // Taken only now, so the taps made while the previous write ran cost one write.
      this.queued = false;
      const draft = this.pending;
      this.pending = undefined;
      if (!draft) return true; // discarded meanwhile
      try {
        await this.save(draft);
        this.onResult(null);
        return true;
      } catch (error) {
        // The response was queued meanwhile (a submit or walk-away in another path): it is
        // no draft any more, and retrying would fail forever in front of the next patron.
        if (error instanceof ResponseClosedError) return true;
        // Keep it for "try again" unless a newer state is waiting: the screen still shows
        // the answer, the disk does not.
        this.pending ??= draft;
        this.onResult(error instanceof StorageError ? error.kind : 'unknown');
        return false;
      }
    });
    return this.chain;
  }

  /** Forgets anything unwritten (the draft was submitted or closed). */
  discard(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}

/** The document and window events a draft writer listens to; the browser's by default. */
export interface PageLifecycle {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    readonly visibilityState: DocumentVisibilityState;
  };
}

/**
 * Flushes the writer when the page is hidden (the tablet sleeps, the browser goes to the
 * background) or hidden for good (pagehide). Hidden is the last moment a page can count
 * on: after it, the browser may freeze or kill it without another event. Returns the
 * function that stops listening.
 */
export function flushWhenPageHides(
  writer: Pick<DraftWriter, 'flush'>,
  page: PageLifecycle = { window, document },
): () => void {
  const flush = () => void writer.flush();
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') flush();
  };
  page.window.addEventListener('pagehide', flush);
  page.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    page.window.removeEventListener('pagehide', flush);
    page.document.removeEventListener('visibilitychange', onVisibility);
  };
}
