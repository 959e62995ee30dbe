/**
 * Short texts staff type, such as a device's name, a branch's name or a bookmobile stop:
 * one trimmed line without control characters or invisible format characters. NUL cannot
 * be stored in PostgreSQL text, and a newline or an escape has no place in a device list or
 * on a dashboard. Format characters (Unicode Cf) change how a text looks without being
 * seen: a right-to-left override shows "Entrance" as something else in the device list, a
 * zero-width space makes two names that look the same differ, and neither has a use in the
 * names of Hungarian, Russian, Slovenian or Lithuanian libraries. Every side checks this rule
 * through these exports: the contract's schemas, the collector, and the kiosk, which
 * cleans what staff pasted before sending it.
 */
import { z } from 'zod/mini';

/** Unicode category Cc: U+0000–U+001F, U+007F and U+0080–U+009F. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/** The reason given for a text that breaks the rule (the collector's reply says it). */
export const CONTROL_CHARACTER_MESSAGE = 'contains a control character';

/**
 * Unicode category Cf: the zero-width space, joiners and direction marks (U+200B–U+200F),
 * the bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069),
 * the byte order mark (U+FEFF), the Arabic letter mark (U+061C), the soft hyphen, word
 * joiners and tag characters.
 */
const FORMAT_CHARACTER = /\p{Cf}/u;

export const FORMAT_CHARACTER_MESSAGE =
  'contains an invisible formatting character (a direction mark, a zero-width space or the like)';

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** The text with each control character replaced by a space: a pasted newline becomes a gap. */
export function replaceControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER.source, 'gu'), ' ');
}

/** The text without its format characters: what staff pasted, as it looked. */
export function removeFormatCharacters(text: string): string {
  return text.replace(new RegExp(FORMAT_CHARACTER.source, 'gu'), '');
}

/** Why a text breaks the character rules (for the CLI's messages), or undefined. */
export function plainTextProblem(text: string): string | undefined {
  if (hasControlCharacter(text)) return CONTROL_CHARACTER_MESSAGE;
  if (FORMAT_CHARACTER.test(text)) return FORMAT_CHARACTER_MESSAGE;
  return undefined;
}

/**
 * A one-line text staff typed: trimmed, 1 to `maxLength` characters, no control or format
 * character. The character rules are refinements, so the published JSON Schema does not
 * show them.
 */
export function plainTextSchema(maxLength: number) {
  return z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(maxLength),
    z.refine((text) => !hasControlCharacter(text), CONTROL_CHARACTER_MESSAGE),
    z.refine((text) => !FORMAT_CHARACTER.test(text), FORMAT_CHARACTER_MESSAGE),
  );
}
