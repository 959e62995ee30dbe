/**
 * Writes the patron's draft behind the screen: one write at a time, in order, the latest
 * state winning. A failed write is reported (and retried on request), never shown as saved.
 */
import { type DraftInput, StorageError, type StorageErrorKind, saveDraft } from '../store';

/** Answers typed into a text box are written at most this often. */
export const DRAFT_WRITE_DELAY_MS = 300;

export class DraftWriter {
  private pending: DraftInput | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Settles true when the last write succeeded; never rejects. */
  private chain: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly onResult: (failure: StorageErrorKind | null) => void) {}

  /** Queues the draft as it stands; written after a short delay unless flushed sooner. */
  schedule(draft: DraftInput): void {
    this.pending = draft;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DRAFT_WRITE_DELAY_MS);
  }

  /** Writes what is pending now; resolves true once everything asked for is on disk. */
  flush(): Promise<boolean> {
    clearTimeout(this.timer);
    const draft = this.pending;
    this.pending = undefined;
    if (draft) {
      this.chain = this.chain.then(async () => {
        try {
          await saveDraft(draft);
          this.onResult(null);
          return true;
        } catch (error) {
          // Keep it for "try again": the screen still shows the answer, the disk does not.
          this.pending ??= draft;
          this.onResult(error instanceof StorageError ? error.kind : 'unknown');
          return false;
        }
      });
    }
    return this.chain;
  }

  /** Forgets anything unwritten (the draft was submitted or closed). */
  discard(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
  }
}
