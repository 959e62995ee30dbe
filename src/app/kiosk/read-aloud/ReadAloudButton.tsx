/**
 * "Read aloud": reads the question on screen, its hint and its answers in the survey's
 * language, for patrons who cannot read small text or the survey's script. Pressed again
 * ("Stop reading") it stops.
 *
 * Interface (all it needs; KioskApp puts it in the access-controls bar on a question):
 *
 *   <ReadAloudButton question={question} />
 *
 *   question  the question on screen. Its texts and the language come from useLanguage(),
 *             so the button must be inside the LanguageProvider (as the whole kiosk is).
 *
 * It renders nothing where the browser cannot speak, or has no voice for the survey's
 * current language: a Hungarian question is never read in an English voice. The answer
 * being read is highlighted by the question components (reading-context.tsx).
 *
 * Reading stops when any other control is used (an answer, Next, Back, Skip, the language
 * menu), on Escape, on another question or language, when the page is hidden and when the
 * button leaves the screen (the review screen, a walk-away reset).
 */
import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { Question } from '../../../shared/contract/question';
import { useLanguage } from '../../i18n/context';
import { useReader, useReaderState } from './reading-context';
import { SpeakerIcon } from './SpeakerIcon';
import { readingSegments } from './segments';
import { useVoices } from './use-voices';
import { findVoice } from './voices';
import './read-aloud.css';

/** What a patron touches to answer or move on. */
const CONTROLS = 'button, input, textarea, select, label, a[href], [role="button"]';
/** The answers among them: a click on one must not re-render before its `change`. */
const ANSWERS = 'label, input, textarea, select';
const CHECKABLE = 'input[type="radio"], input[type="checkbox"]';

export interface ReadAloudButtonProps {
  question: Question;
}

export function ReadAloudButton(props: ReadAloudButtonProps) {
  const { question } = props;
  const { t, ts, language } = useLanguage();
  const reader = useReader();
  const voices = useVoices();
  const voice = voices && findVoice(voices, language);
  const reading = useReaderState((r) => r.reading, false);
  const voiceName = voice?.name;

  // Another question, language or voice, or the button gone: what was being read stops.
  useEffect(() => () => reader?.stop(), [reader, question.id, language, voiceName]);

  // A layout effect: the listeners are there as soon as "Stop reading" is, not a frame later.
  useLayoutEffect(() => {
    if (!reading || !reader) return;
    const stopAll = () => reader.stop();
    const control = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      return target?.closest(CONTROLS) && !target.closest('[data-read-aloud]') ? target : null;
    };
    // A pointer stops it as it touches a control, before that control's click. Stopping
    // re-renders the answers (the highlight goes), and a re-render inside a radio's click
    // would set the radio back to unchecked: the patron's tap on the answer just read
    // would be lost.
    const stopOnPointer = (event: Event) => {
      if (control(event)) reader.stop();
    };
    // A keyboard's click on a button (Next, Back…) stops it too; an answer's stops it by
    // its `change`, once the answer is taken, for the reason above.
    const stopOnClick = (event: Event) => {
      const target = control(event);
      if (target && !target.closest(ANSWERS)) reader.stop();
    };
    const stopOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') reader.stop();
    };
    const stopWhenHidden = () => {
      if (document.visibilityState === 'hidden') reader.stop();
    };
    document.addEventListener('pointerdown', stopOnPointer, true);
    document.addEventListener('click', stopOnClick, true);
    // Typing stops it. A radio or checkbox fires `input` before `change`, the event its
    // handler takes the answer on: that one waits for its `change`, again for the reason above.
    const stopOnTyping = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.matches(CHECKABLE)) reader.stop();
    };
    // Bubbling: the answer's own handler has run and taken the answer.
    document.addEventListener('change', stopAll);
    document.addEventListener('input', stopOnTyping);
    document.addEventListener('keydown', stopOnEscape, true);
    document.addEventListener('visibilitychange', stopWhenHidden);
    window.addEventListener('pagehide', stopAll);
    return () => {
      document.removeEventListener('pointerdown', stopOnPointer, true);
      document.removeEventListener('click', stopOnClick, true);
      document.removeEventListener('change', stopAll);
      document.removeEventListener('input', stopOnTyping);
      document.removeEventListener('keydown', stopOnEscape, true);
      document.removeEventListener('visibilitychange', stopWhenHidden);
      window.removeEventListener('pagehide', stopAll);
    };
  }, [reading, reader]);

  if (!reader || !voice) return null;

  const toggle = () => {
    if (reading) {
      reader.stop();
      return;
    }
    const number = new Intl.NumberFormat(language);
    const segments = readingSegments(question, {
      app: (key, values) => t(key, values ?? {}),
      survey: (key) => ts(key, { defaultValue: '' }),
      number: (value) => number.format(value),
    });
    reader.read(segments, { lang: language, voice });
  };

  return (
    <button
      type="button"
      class={`access-toggle read-aloud-button${reading ? ' read-aloud-on' : ''}`}
      data-read-aloud=""
      onClick={toggle}
    >
      <SpeakerIcon class="read-aloud-icon" />
      <span class="read-aloud-label">{t(reading ? 'readAloud.stop' : 'readAloud.start')}</span>
    </button>
  );
}
