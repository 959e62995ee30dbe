/** What the access settings set on <html>, and what counts as normal (the reset's target). */
import { describe, expect, it } from 'vitest';
import { type AccessSettings, applyAccess, isNormalAccess, NORMAL_ACCESS } from './access-settings';

/** The two attribute methods applyAccess uses, over a plain map. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  const root = {
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  } as unknown as HTMLElement;
  return { root, attributes };
}

describe('access settings', () => {
  it('set the text size and contrast the styles read, and remove them for normal', () => {
    const { root, attributes } = fakeRoot();
    applyAccess(root, { textSize: 200, highContrast: true });
    expect(Object.fromEntries(attributes)).toEqual({
      'data-text-size': '200',
      'data-contrast': 'high',
    });
    applyAccess(root, { textSize: 150, highContrast: false });
    expect(Object.fromEntries(attributes)).toEqual({ 'data-text-size': '150' });
    applyAccess(root, NORMAL_ACCESS);
    expect(attributes.size).toBe(0);
  });

  it.each<[AccessSettings, boolean]>([
    [{ textSize: 100, highContrast: false }, true],
    [{ textSize: 150, highContrast: false }, false],
    [{ textSize: 100, highContrast: true }, false],
    [{ textSize: 200, highContrast: true }, false],
  ])('%o is normal: %s', (settings, normal) => {
    expect(isNormalAccess(settings)).toBe(normal);
  });
});
