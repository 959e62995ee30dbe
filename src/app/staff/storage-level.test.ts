import { describe, expect, it } from 'vitest';
import { formatBytes, formatShare, STORAGE_WARNING_FRACTION, storageLevel } from './storage-level';

describe('the storage level', () => {
  it.each([
    [0, 1_000_000, false],
    [799_999, 1_000_000, false],
    [800_000, 1_000_000, true],
    [990_000, 1_000_000, true],
    [1_200_000, 1_000_000, true],
  ])('with %i of %i bytes used warns: %s', (usage, quota, warn) => {
    expect(storageLevel({ usage, quota }).warn).toBe(warn);
  });

  it('warns from 80% of the quota', () => {
    expect(STORAGE_WARNING_FRACTION).toBe(0.8);
  });

  it('gives the free bytes and the share used, never below nothing nor above all', () => {
    expect(storageLevel({ usage: 250, quota: 1000 })).toEqual({
      usage: 250,
      quota: 1000,
      free: 750,
      fraction: 0.25,
      warn: false,
    });
    expect(storageLevel({ usage: 2000, quota: 1000 })).toMatchObject({ free: 0, fraction: 1 });
    expect(storageLevel({ usage: 10, quota: 0 })).toMatchObject({ free: 0, warn: true });
  });
});

describe('bytes and shares in the staff’s language', () => {
  it.each([
    ['en', 512, '512 byte'],
    ['en', 4_300_000, '4.3 MB'],
    ['en', 52_000_000, '52 MB'],
    ['hu', 4_300_000, '4,3 MB'],
    ['en', 2_500_000_000, '2.5 GB'],
  ] as const)('in %s, %i bytes are %s', (language, bytes, text) => {
    expect(formatBytes(language, bytes)).toBe(text);
  });

  it('writes a share as the language writes percentages', () => {
    expect(formatShare('en', 0.83)).toBe('83%');
    expect(formatShare('ru', 0.83)).toBe('83\u00a0%');
  });
});
