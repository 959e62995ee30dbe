import { describe, expect, it } from 'vitest';
import { cliSafeRandomId } from './cli-safe-id';

describe('cliSafeRandomId', () => {
  it('is base64url of the length the bytes make, a new one each time', () => {
    const ids = Array.from({ length: 50 }, () => cliSafeRandomId(6));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(new Set(ids).size).toBe(50);
  });

  it('never begins with "-", which the CLI would read as an option', () => {
    // Without the redraw one of 5,000 would begin with "-" but for a chance of
    // (63/64)^5000, about 1e-34.
    const ids = Array.from({ length: 5000 }, () => cliSafeRandomId(6));
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
  });
});
