import { describe, expect, it } from 'vitest';
import { phoneLanguage } from './language';

describe('the language a phone starts in', () => {
  it.each([
    [['sl-SI', 'en-US'], 'sl'],
    [['de-AT', 'hu-HU', 'en'], 'hu'],
    [['ru'], 'ru'],
    [['LT-lt'], 'lt'],
    [['en-GB', 'ru-RU'], 'en'],
    [['de-DE', 'fr'], 'hu'],
    [[], 'hu'],
  ] as const)('%j → %s (default hu)', (preferences, expected) => {
    expect(phoneLanguage(preferences, 'hu')).toBe(expected);
  });
});
