/**
 * The language a visitor's phone starts in: the first of the phone's own languages the
 * survey exists in, matched on the primary subtag (sl-SI is Slovenian), or the default
 * when none is. The language picker stays on screen to change it.
 */
import { type Language, matchLanguage } from '../../shared/languages';

export function phoneLanguage(preferences: readonly string[], fallback: Language): Language {
  return matchLanguage(preferences) ?? fallback;
}
