import { describe, expect, it } from 'vitest';
import { checkAccent, contrastRatio, normaliseHexColour, relativeLuminance } from './contrast';

describe('the contrast of a branch’s accent', () => {
  it('computes WCAG relative luminance and contrast', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Known values: #767676 is the lightest grey with 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('reads #rgb, upper case and a missing #, and nothing else', () => {
    expect(normaliseHexColour('#1D4F91')).toBe('#1d4f91');
    expect(normaliseHexColour('14b')).toBe('#1144bb');
    expect(normaliseHexColour('navy')).toBeUndefined();
    expect(normaliseHexColour('#1d4f9')).toBeUndefined();
  });

  it('takes an accent of 4.5:1 or more against the kiosk’s white, and refuses a lighter one', () => {
    expect(checkAccent('#767676')).toEqual({ ok: true, accent: '#767676' });
    expect(checkAccent('#1D4F91')).toEqual({ ok: true, accent: '#1d4f91' });
    const yellow = checkAccent('#ffcc00');
    expect(yellow.ok).toBe(false);
    if (!yellow.ok) expect(yellow.message).toMatch(/1\.\d\d:1 .*at least 4\.5:1/);
    expect(checkAccent('#777777').ok).toBe(false);
    expect(checkAccent('red-ish').ok).toBe(false);
  });
});
