/**
 * The poster's own texts in every language, from locales/<language>/poster.json (the
 * locale check keeps all five complete). The poster prints every language's invitation;
 * the toolbar and the error pages are in the staff member's language.
 */
import en from '../../../locales/en/poster.json';
import hu from '../../../locales/hu/poster.json';
import lt from '../../../locales/lt/poster.json';
import ru from '../../../locales/ru/poster.json';
import sl from '../../../locales/sl/poster.json';
import type { Language } from '../../shared/languages';

export type PosterTexts = typeof en;

export const POSTER_TEXTS: Record<Language, PosterTexts> = { en, hu, ru, sl, lt };

/** i18next's {{name}} placeholders, filled in: the texts stay the files the locale check reads. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
