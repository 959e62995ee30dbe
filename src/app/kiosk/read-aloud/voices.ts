/**
 * Which installed voice reads a language. Pure: the browser's voice list comes in, so the
 * choice is tested without a browser. A voice matches on the primary subtag of its BCP-47
 * tag only ("hu-HU", Android's older "hu_HU" and a bare "hu" all read Hungarian); a
 * language with no voice gets none, never another language's voice: a Hungarian question
 * read by an English voice is gibberish to the patron.
 */

/** The part of SpeechSynthesisVoice the choice needs (the browser's objects fit it). */
export interface VoiceLike {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

/** "hu" of "hu-HU", "hu_HU", "HU"; "" for an empty tag. */
export function primarySubtag(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').trim().toLowerCase();
}

/**
 * The voice to read `language` with, or undefined when none is installed. Voices on the
 * device come before network ones (a kiosk may be offline, and a network voice then says
 * nothing), then the browser's default voice, then the list's own order.
 */
export function findVoice<V extends VoiceLike>(
  voices: readonly V[],
  language: string,
): V | undefined {
  const wanted = primarySubtag(language);
  if (wanted === '') return undefined;
  const rank = (voice: V) => (voice.localService ? 0 : 2) + (voice.default ? 0 : 1);
  return voices
    .filter((voice) => primarySubtag(voice.lang) === wanted)
    .reduce<V | undefined>(
      (best, voice) => (!best || rank(voice) < rank(best) ? voice : best),
      undefined,
    );
}
