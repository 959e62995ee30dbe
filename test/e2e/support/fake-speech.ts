/**
 * A stand-in for the Web Speech API, installed by an init script before the app starts:
 * `speechSynthesis` with a voice list the test sets (empty until then, as Chrome's is
 * until `voiceschanged`), and `SpeechSynthesisUtterance`. It records every utterance
 * (text, lang, voice name) and every cancel, fires `start` when an utterance begins and
 * `end` only when the test says (`endUtterance`), so a test can look at the screen while
 * any one segment is being read. `cancel()` fires `error` on what it drops, as Chrome does.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface FakeVoice {
  name: string;
  lang: string;
  default?: boolean;
  localService?: boolean;
}

export interface Utterance {
  text: string;
  lang: string;
  voice: string | null;
}

interface FakeSpeech {
  setVoices: (voices: FakeVoice[]) => void;
  utterances: () => Utterance[];
  cancels: () => number;
  end: () => boolean;
  reset: () => void;
}

function install(): void {
  type Listener = ((event: Event) => void) | null;
  class FakeUtterance extends EventTarget {
    lang = '';
    voice: { name: string } | null = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    onstart: Listener = null;
    onend: Listener = null;
    onerror: Listener = null;
    constructor(public text = '') {
      super();
    }
  }
  const fire = (utterance: FakeUtterance, type: 'start' | 'end' | 'error') => {
    const event = new Event(type);
    utterance.dispatchEvent(event);
    utterance[`on${type}`]?.(event);
  };
  const state = {
    voices: [] as object[],
    log: [] as { text: string; lang: string; voice: string | null }[],
    cancels: 0,
    queue: [] as FakeUtterance[],
    current: null as FakeUtterance | null,
  };
  const begin = () => {
    state.current = state.queue.shift() ?? null;
    if (state.current) fire(state.current, 'start');
  };
  class FakeSynthesis extends EventTarget {
    onvoiceschanged: Listener = null;
    get speaking() {
      return state.current !== null;
    }
    get pending() {
      return state.queue.length > 0;
    }
    get paused() {
      return false;
    }
    getVoices() {
      return state.voices.slice();
    }
    speak(utterance: FakeUtterance) {
      state.log.push({
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice?.name ?? null,
      });
      state.queue.push(utterance);
      if (!state.current) begin();
    }
    cancel() {
      state.cancels += 1;
      const dropped = [state.current, ...state.queue].filter((u) => u !== null);
      state.current = null;
      state.queue = [];
      for (const utterance of dropped) fire(utterance, 'error');
    }
    pause() {}
    resume() {}
  }
  const synthesis = new FakeSynthesis();
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
    writable: true,
  });
  const fake: FakeSpeech = {
    setVoices(voices) {
      state.voices = voices.map((voice) => ({
        voiceURI: voice.name,
        default: false,
        localService: true,
        ...voice,
      }));
      const event = new Event('voiceschanged');
      synthesis.dispatchEvent(event);
      synthesis.onvoiceschanged?.(event);
    },
    utterances: () => state.log.slice(),
    cancels: () => state.cancels,
    end() {
      const utterance = state.current;
      if (!utterance) return false;
      state.current = null;
      fire(utterance, 'end');
      if (!state.current) begin();
      return true;
    },
    reset() {
      state.log = [];
      state.cancels = 0;
    },
  };
  (window as unknown as { fakeSpeech: FakeSpeech }).fakeSpeech = fake;
}

/** Every page of the context gets the fake before any of its own scripts run. */
export async function installFakeSpeech(context: BrowserContext): Promise<void> {
  await context.addInitScript(install);
}

type WithFake = { fakeSpeech: FakeSpeech };

/** Sets the voices the page's browser "has", and tells the page (`voiceschanged`). */
export function setVoices(page: Page, voices: FakeVoice[]): Promise<void> {
  return page.evaluate(
    (list) => (window as unknown as WithFake).fakeSpeech.setVoices(list),
    voices,
  );
}

export function utterances(page: Page): Promise<Utterance[]> {
  return page.evaluate(() => (window as unknown as WithFake).fakeSpeech.utterances());
}

export function cancels(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as WithFake).fakeSpeech.cancels());
}

/** The utterance being spoken ends; false when none was being spoken. */
export function endUtterance(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as WithFake).fakeSpeech.end());
}

/** Forgets what was spoken and cancelled so far. */
export function resetSpeechLog(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as WithFake).fakeSpeech.reset());
}
