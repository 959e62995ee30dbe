/**
 * For sync tests: the Web Locks behaviour the engine relies on, shared between engines
 * to stand for tabs of one origin. With ifAvailable, a held name grants null at once.
 */
import type { SyncLockManager } from '../sync-engine';

export class FakeLocks implements SyncLockManager {
  readonly held = new Set<string>();

  async request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error('FakeLocks only supports ifAvailable');
    }
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.held.delete(name);
    }
  }
}
