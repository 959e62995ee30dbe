/**
 * The high-contrast theme, as access.css declares it: every text pair at least 7:1 (WCAG
 * AAA), every control's boundary and state at least 3:1 against what is around it. The
 * colours are read from the stylesheet itself, so the test checks what patrons see.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, normaliseHexColour } from '../../../shared/kiosk/contrast';

const css = readFileSync(new URL('./access.css', import.meta.url), 'utf8');

function themeColours(): Map<string, string> {
  const block = /html\[data-contrast="high"\]\s*\{([^}]*)\}/.exec(css)?.[1];
  if (!block) throw new Error('access.css has no html[data-contrast="high"] block');
  const colours = new Map<string, string>();
  for (const [, name, value] of block.matchAll(/--([\w-]+):\s*([^;]+);/g)) {
    const hex = normaliseHexColour(value ?? '');
    if (name && hex) colours.set(name, hex);
  }
  return colours;
}

const theme = themeColours();
const colour = (name: string): string => {
  const value = theme.get(name);
  if (!value) throw new Error(`the high-contrast theme sets no --${name}`);
  return value;
};

/** [foreground, background]: every way text is drawn in the kiosk's styles. */
const TEXT_PAIRS = [
  ['text', 'background'],
  ['muted', 'background'],
  ['text', 'surface'],
  ['muted', 'surface'],
  ['primary', 'background'], // an outlined button's label
  ['on-primary', 'primary'], // a chosen option, a primary button
  ['on-primary', 'primary-dark'], // a primary button held down
  ['text', 'info-surface'],
  ['text', 'error-surface'],
  ['error', 'error-surface'],
] as const;

/** A control's edge, its chosen state and its focus ring against what surrounds them. */
const BOUNDARY_PAIRS = [
  ['border', 'background'], // an option, a text field, the access controls
  ['border', 'surface'],
  ['primary', 'background'], // a chosen option, a pressed toggle
  ['primary', 'surface'],
  ['focus', 'background'], // the focus ring, drawn outside the control
  ['focus', 'surface'],
  ['focus', 'primary'], // the ring beside a chosen (filled) neighbour
  ['error', 'error-surface'],
] as const;

describe('high-contrast theme', () => {
  it('declares every colour it is checked for', () => {
    for (const [a, b] of [...TEXT_PAIRS, ...BOUNDARY_PAIRS]) {
      expect(theme.has(a) && theme.has(b), `--${a} / --${b}`).toBe(true);
    }
  });

  it.each(TEXT_PAIRS)('text --%s on --%s is at least 7:1', (fg, bg) => {
    expect(contrastRatio(colour(fg), colour(bg))).toBeGreaterThanOrEqual(7);
  });

  it.each(BOUNDARY_PAIRS)('boundary --%s against --%s is at least 3:1', (a, b) => {
    expect(contrastRatio(colour(a), colour(b))).toBeGreaterThanOrEqual(3);
  });

  it('tells a chosen answer by more than its fill', () => {
    expect(css).toMatch(/\.option input:checked \+ \.option-body,[^{]*\{[^}]*border-width: 4px/);
    expect(css).toMatch(/input:checked \+ \.option-body::after \{[^}]*content: "✓"/);
  });
});
