/**
 * What the kiosk tells beyond what focus tells: the tab's title, and the position ("Question
 * 3 of 19") said once per question. Rendered by KioskApp on every screen, so its live region
 * is in the DOM, empty, long before the first question, and only its text changes.
 *
 * Why a live region and not the heading's description: focus moves to each question's
 * heading (QuestionScreen), and NVDA reads a focused element's aria-describedby, but
 * VoiceOver on iOS reads a description only as a hint after a pause (and not at all with
 * hints off), and TalkBack does not read one on a heading. A polite live region is spoken
 * by all three. It is set a moment after the focus moved: NVDA and VoiceOver cut short what
 * they were saying when focus moves, so a position set in the same render as the new
 * question could be lost; set after, it queues behind the question's words.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SurveyStructure } from '../../../shared/contract/survey-package';
import { useLanguage } from '../../i18n/context';
import type { KioskState } from '../session';
import { LiveRegion, useLiveMessage } from './LiveRegion';
import { screenPosition } from './screen-position';
import { useDocumentTitle } from './use-document-title';

/** How long after a new question the position is said: after the heading took the focus. */
const AFTER_FOCUS_MS = 250;

export function ScreenAnnouncer(props: { survey: SurveyStructure; state: KioskState }) {
  const { t, ts } = useLanguage();
  const { state, survey } = props;
  const place = screenPosition(state, survey.questions);
  const positionText =
    place && t('question.progress', { position: place.position, total: place.total });

  const screen =
    state.stage === 'question'
      ? positionText
      : state.stage === 'review'
        ? t('review.title')
        : state.stage === 'thanks'
          ? t('thanks.title')
          : undefined;
  const surveyTitle = ts(survey.title);
  useDocumentTitle(
    screen ? t('document.screenTitle', { screen, survey: surveyTitle }) : surveyTitle,
  );

  const [message, say] = useLiveMessage();
  // The words at the moment the position is said; read through a ref so that an answer
  // changing "of 19" does not say the position again (the key stays the same).
  const latest = useRef(positionText);
  latest.current = positionText;
  const key = place?.key;
  useEffect(() => {
    if (key === undefined) return;
    const timer = setTimeout(() => {
      if (latest.current) say(latest.current);
    }, AFTER_FOCUS_MS);
    return () => clearTimeout(timer);
  }, [key, say]);

  return <LiveRegion message={message} />;
}
