import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('./survey-database');
  vi.resetModules();
});

describe('the database’s code, loaded apart', () => {
  it('is tried again after a load that failed (a phone that lost its signal), and the save then works', async () => {
    vi.resetModules();
    let signal = false;
    vi.doMock('./survey-database', async (importOriginal) => {
      if (!signal) throw new TypeError('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const { databaseCode, StorageError, useDatabase, withDatabase } = await import('./database');
    const failed = await databaseCode().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StorageError);
    expect((failed as InstanceType<typeof StorageError>).kind).toBe('unavailable');
    await expect(withDatabase(async () => 'saved')).rejects.toBeInstanceOf(StorageError);

    signal = true;
    const db = await useDatabase(`database-code-${crypto.randomUUID()}`);
    try {
      await withDatabase((database) => database.settings.put({ key: 'deviceSeq', value: 1 }));
      expect(await db.settings.get('deviceSeq')).toEqual({ key: 'deviceSeq', value: 1 });
    } finally {
      await db.delete();
    }
  });
});
