/**
 * The languages every text of the product exists in. A language is offered only when its
 * translation is complete; the locale check test keeps all five complete.
 */

export const LANGUAGES = ['en', 'hu', 'ru', 'sl', 'lt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** English is the source every other translation is checked against. */
export const SOURCE_LANGUAGE: Language = 'en';

/** Each language in its own name, as the language picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  hu: 'Magyar',
  ru: 'Русский',
  sl: 'Slovenščina',
  lt: 'Lietuvių',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the first supported language from a preference list such as navigator.languages
 * ('sl-SI' matches 'sl'); undefined when none is supported.
 */
export function matchLanguage(preferences: readonly string[]): Language | undefined {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return undefined;
}
