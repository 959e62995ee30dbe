/**
 * Short texts staff type, such as a device's name or a bookmobile stop: one trimmed line
 * without control characters. NUL cannot be stored in PostgreSQL text, and a newline or an
 * escape has no place in a device list or on a dashboard. Every side checks this rule
 * through these exports: the contract's schemas, the collector, and the kiosk, which
 * cleans what staff pasted before sending it.
 */
import { z } from 'zod';

/** Unicode category Cc: U+0000–U+001F, U+007F and U+0080–U+009F. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/** The reason given for a text that breaks the rule (the collector's reply says it). */
export const CONTROL_CHARACTER_MESSAGE = 'contains a control character';

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** The text with each control character replaced by a space: a pasted newline becomes a gap. */
export function replaceControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER.source, 'gu'), ' ');
}

/**
 * A one-line text staff typed: trimmed, 1 to `maxLength` characters, no control character.
 * The control-character rule is a refinement, so the published JSON Schema does not show it.
 */
export function plainTextSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((text) => !hasControlCharacter(text), CONTROL_CHARACTER_MESSAGE);
}
