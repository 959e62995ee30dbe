/**
 * For sync tests: the Web Locks behaviour the engine relies on, shared between engines
 * to stand for tabs of one origin. With ifAvailable, a held name grants null at once;
 * without, the request waits until the holder lets go.
 */
import type { SyncLockManager } from '../sync-engine';

export class FakeLocks implements SyncLockManager {
  readonly held = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();

  async request<T>(
    name: string,
    options: { ifAvailable?: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      // Handed over by release(), still held.
      await new Promise<void>((resolve) => {
        this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]);
      });
    } else {
      this.held.add(name);
    }
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.release(name);
    }
  }

  /** Lets go of `name` (as a tab's lock callback ending): the next waiter gets it. */
  release(name: string): void {
    const next = this.waiting.get(name)?.shift();
    if (next) next();
    else this.held.delete(name);
  }
}
