import { describe, expect, it } from 'vitest';
import { findVoice, primarySubtag, type VoiceLike } from './voices';

function voice(name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike {
  return { name, lang, localService: true, default: false, ...extra };
}

describe('primarySubtag', () => {
  it.each([
    ['hu-HU', 'hu'],
    ['hu_HU', 'hu'],
    ['HU', 'hu'],
    ['sl-si', 'sl'],
    ['zh-Hant-TW', 'zh'],
    ['', ''],
  ])('%j → %j', (tag, subtag) => expect(primarySubtag(tag)).toBe(subtag));
});

describe('findVoice', () => {
  const english = voice('English (UK)', 'en-GB', { default: true });

  it('finds a voice by the primary subtag, whichever way the tag is written', () => {
    for (const lang of ['hu-HU', 'hu_HU', 'hu', 'HU-hu']) {
      expect(findVoice([english, voice('Magyar', lang)], 'hu')?.name).toBe('Magyar');
    }
  });

  it('gives none rather than another language’s voice, even the default one', () => {
    expect(findVoice([english], 'hu')).toBeUndefined();
    expect(findVoice([], 'en')).toBeUndefined();
    // "lt" is not "lv", and "sl" is not "sk": the whole subtag must match.
    expect(findVoice([voice('Latvian', 'lv-LV'), voice('Slovak', 'sk-SK')], 'lt')).toBeUndefined();
    expect(findVoice([voice('Slovak', 'sk-SK')], 'sl')).toBeUndefined();
    expect(findVoice([voice('Odd', 'hun')], 'hu')).toBeUndefined();
  });

  it('prefers a voice on the device to a network one, then the default, then the list order', () => {
    const network = voice('Google русский', 'ru-RU', { localService: false, default: true });
    const first = voice('Milena', 'ru-RU');
    const second = voice('Yuri', 'ru-RU', { default: true });
    expect(findVoice([network, first], 'ru')?.name).toBe('Milena');
    expect(findVoice([network, first, second], 'ru')?.name).toBe('Yuri');
    expect(findVoice([first, voice('Katya', 'ru')], 'ru')?.name).toBe('Milena');
    expect(findVoice([network], 'ru')?.name).toBe('Google русский');
  });

  it('finds nothing for an empty language', () => {
    expect(findVoice([voice('Nameless', '')], '')).toBeUndefined();
  });
});
