import { describe, expect, it } from 'vitest';
import {
  CONTROL_CHARACTER_MESSAGE,
  FORMAT_CHARACTER_MESSAGE,
  hasControlCharacter,
  plainTextProblem,
  plainTextSchema,
  removeFormatCharacters,
  replaceControlCharacters,
} from './plain-text';

describe('the control-character rule', () => {
  it.each<[string, string, boolean]>([
    ['plain words', 'Entrance tablet', false],
    ['letters of every language and an emoji', 'Čitalnica – Читальня 😀', false],
    ['a no-break space', 'Stop\u00a04', false],
    ['NUL', 'Stop\u0000 4', true],
    ['a tab', 'Stop\t4', true],
    ['a newline', 'Stop\n4', true],
    ['DEL', 'Stop\u007f4', true],
    ['a C1 control', 'Stop\u00854', true],
  ])('%s: %j → %s', (_name, text, has) => {
    expect(hasControlCharacter(text)).toBe(has);
  });

  it('replaces every control character with a space, leaving the rest', () => {
    expect(replaceControlCharacters('Entrance\r\ntablet\u0000 2')).toBe('Entrance  tablet  2');
  });
});

describe('the format-character rule', () => {
  it.each<[string, string, string | undefined]>([
    ['plain words', 'Entrance tablet', undefined],
    ['Cyrillic, Lithuanian and Slovenian letters', 'Читальня Šiauliai Čitalnica', undefined],
    ['an emoji', 'Kids corner 🧸', undefined],
    ['a zero-width space (U+200B)', 'Stop\u200b4', FORMAT_CHARACTER_MESSAGE],
    ['a zero-width joiner (U+200D)', 'Stop\u200d4', FORMAT_CHARACTER_MESSAGE],
    ['a left-to-right mark (U+200E)', 'Stop\u200e4', FORMAT_CHARACTER_MESSAGE],
    ['a right-to-left mark (U+200F)', 'Stop\u200f4', FORMAT_CHARACTER_MESSAGE],
    ['a left-to-right embedding (U+202A)', '\u202aStop 4', FORMAT_CHARACTER_MESSAGE],
    ['a right-to-left override (U+202E)', 'Stop \u202e4 pots', FORMAT_CHARACTER_MESSAGE],
    ['a left-to-right isolate (U+2066)', '\u2066Stop\u2069', FORMAT_CHARACTER_MESSAGE],
    ['a pop directional isolate (U+2069)', 'Stop\u2069', FORMAT_CHARACTER_MESSAGE],
    ['a byte order mark (U+FEFF)', '\ufeffStop', FORMAT_CHARACTER_MESSAGE],
    ['an Arabic letter mark (U+061C)', 'Stop\u061c', FORMAT_CHARACTER_MESSAGE],
    ['a word joiner (U+2060)', 'Stop\u20604', FORMAT_CHARACTER_MESSAGE],
    ['a soft hyphen (U+00AD)', 'Bib\u00adliothek', FORMAT_CHARACTER_MESSAGE],
    ['a tag character (U+E0041)', 'Stop\u{e0041}', FORMAT_CHARACTER_MESSAGE],
    ['a control character', 'Stop\u00004', CONTROL_CHARACTER_MESSAGE],
  ])('%s: %j → %s', (_name, text, problem) => {
    expect(plainTextProblem(text)).toBe(problem);
  });

  it('removes every format character, leaving the rest', () => {
    expect(removeFormatCharacters('\ufeffEntrance\u200b tab\u202elet\u2069')).toBe(
      'Entrance tablet',
    );
  });
});

describe('plainTextSchema', () => {
  const schema = plainTextSchema(10);

  it('trims what staff typed', () => {
    expect(schema.parse('  Stop 4 \n')).toBe('Stop 4');
  });

  it.each<[string, string, string]>([
    ['nothing but spaces', '   ', 'Too small'],
    ['more than the limit', 'x'.repeat(11), 'Too big'],
    ['a control character inside', 'Stop\u00004', CONTROL_CHARACTER_MESSAGE],
    ['a right-to-left override inside', 'Stop\u202e4', FORMAT_CHARACTER_MESSAGE],
    ['a zero-width space at the end', 'Stop 4\u200b', FORMAT_CHARACTER_MESSAGE],
  ])('refuses %s', (_name, text, message) => {
    expect(schema.safeParse(text).error?.issues[0]?.message).toContain(message);
  });
});
