/** What every field a patron types in (a free text, an "other" answer) is given. */
/**
 * On every field a patron types in: no suggestions from what was typed before, and no
 * dictionary on the device (or the browser's spelling service) learning the words.
 */
export const FREE_TEXT_PRIVACY = {
  autocomplete: 'off',
  autocorrect: 'off',
  autocapitalize: 'off',
  spellcheck: false,
} as const;
