import { describe, expect, it } from 'vitest';
import {
  CONTROL_CHARACTER_MESSAGE,
  hasControlCharacter,
  plainTextSchema,
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

describe('plainTextSchema', () => {
  const schema = plainTextSchema(10);

  it('trims what staff typed', () => {
    expect(schema.parse('  Stop 4 \n')).toBe('Stop 4');
  });

  it.each<[string, string, string]>([
    ['nothing but spaces', '   ', 'Too small'],
    ['more than the limit', 'x'.repeat(11), 'Too big'],
    ['a control character inside', 'Stop\u00004', CONTROL_CHARACTER_MESSAGE],
  ])('refuses %s', (_name, text, message) => {
    expect(schema.safeParse(text).error?.issues[0]?.message).toContain(message);
  });
});
