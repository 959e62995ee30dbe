/**
 * The patron's kiosk: the screens of the flow, the walk-away timer on every screen that
 * holds answers, and the return to the welcome screen in the default language. On a
 * visitor's phone (phone mode, `phone` set) the same flow runs without the walk-away, the
 * staff button or the return: a phone is personal, and the thank-you screen stays, saying
 * whether the answers have reached the library yet.
 */
import { useCallback, useEffect } from 'preact/hooks';
import type { KioskOptions } from '../../shared/contract/device';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import { firstQuestion, questionProgress } from '../../shared/survey/navigation';
import { LanguageProvider } from '../i18n/context';
import { AccessControls } from './access/AccessControls';
import { isNormalAccess, useAccessSettings } from './access/access-settings';
import { ScreenAnnouncer } from './announce/ScreenAnnouncer';
import { ClosedScreen } from './ClosedScreen';
import { IdleDialog } from './IdleDialog';
import { enterFullscreen } from './kiosk-lock';
import { QuestionScreen } from './QuestionScreen';
import { ReviewScreen } from './ReviewScreen';
import { ReadAloudButton } from './read-aloud/ReadAloudButton';
import { useReader } from './read-aloud/reading-context';
import { SaveFailure } from './SaveFailure';
import { type KioskPlace, type KioskState, surveyOnScreen } from './session';
import { PhoneThanksScreen, ThanksScreen } from './ThanksScreen';
import { useIdleTimer } from './use-idle-timer';
import { type PhoneLink, useKiosk } from './use-kiosk';
import { useScreenAwake } from './use-kiosk-lock';
import { useOpeningState } from './use-opening-state';
import { WelcomeScreen } from './WelcomeScreen';

export function KioskApp(props: {
  survey: SurveyStructure;
  kioskOptions: KioskOptions;
  initial: KioskState;
  onSubmitted: () => void;
  /** The staff button; a phone has none. */
  onStaff?: () => void;
  /** A visitor's phone opened from a public link (phone mode). */
  phone?: PhoneLink;
  /** Told the screen and language whenever either changes (the welcome screen is the safe moment to apply an update). */
  onPlace: (place: KioskPlace) => void;
}) {
  const { survey, kioskOptions, phone } = props;
  // Text size and contrast are the patron's, like the language: they go with every reset.
  const access = useAccessSettings();
  // Whatever was being read stops with the reset itself, not only when the button unmounts.
  const reader = useReader();
  const onReset = useCallback(() => {
    reader?.stop();
    access.reset();
  }, [reader, access.reset]);
  const kiosk = useKiosk({
    survey,
    kioskOptions,
    initial: props.initial,
    onSubmitted: props.onSubmitted,
    onReset,
    ...(phone ? { link: phone } : {}),
  });
  const { state } = kiosk;
  const inSurvey = surveyOnScreen(state) !== undefined;
  // Opening hours, the wake lock and fullscreen are the kiosk's; a visitor's phone has none.
  const opening = useOpeningState(!phone);
  useScreenAwake(!phone && (opening.open || inSurvey));

  const idle = useIdleTimer({
    active: inSurvey && !phone,
    idleMs: kioskOptions.idleTimeoutSeconds * 1000,
    warningMs: kioskOptions.idleWarningSeconds * 1000,
    onExpire: () => void kiosk.walkAway(),
  });

  // On the welcome screen a patron who chose a language (or a text size, or contrast) and
  // left gets no dialog: there is nothing of theirs to keep, so the kiosk quietly returns
  // to its default language and normal settings. Each change starts the wait again.
  const onWelcomeChanged =
    !phone &&
    state.stage === 'welcome' &&
    (state.language !== kioskOptions.defaultLocale || !isNormalAccess(access.settings));
  useEffect(() => {
    if (!onWelcomeChanged) return;
    const timer = setTimeout(() => void kiosk.reset(), kioskOptions.idleTimeoutSeconds * 1000);
    return () => clearTimeout(timer);
  }, [onWelcomeChanged, access.settings, kioskOptions.idleTimeoutSeconds, kiosk.reset]);

  const { onPlace } = props;
  useEffect(() => {
    onPlace({ stage: state.stage, language: state.language });
  }, [state.stage, state.language, onPlace]);

  const session = state.session;
  const question = session && survey.questions.find((q) => q.id === session.questionId);

  return (
    <LanguageProvider language={state.language} surveyId={survey.id}>
      <div class="kiosk" data-stage={state.stage}>
        {/* Read aloud joins the bar on a question: it reads the question on screen. */}
        <AccessControls settings={access.settings} onChange={access.change}>
          {state.stage === 'question' && question && <ReadAloudButton question={question} />}
        </AccessControls>
        {kiosk.saveFailure && (
          <SaveFailure kind={kiosk.saveFailure} onRetry={() => void kiosk.retrySave()} />
        )}
        {state.stage === 'welcome' && !opening.open && (
          <ClosedScreen
            opensAt={opening.opensAt}
            timeZone={opening.timeZone}
            now={opening.now}
            onStaff={props.onStaff}
          />
        )}
        {state.stage === 'welcome' && opening.open && (
          <WelcomeScreen
            title={survey.title}
            onLanguage={(language) => void kiosk.changeLanguage(language)}
            onStart={() => {
              // The Start tap is the user gesture fullscreen needs.
              if (!phone) enterFullscreen(document);
              kiosk.start();
            }}
            onStaff={props.onStaff}
          />
        )}
        {state.stage === 'question' && session && question && (
          <QuestionScreen
            question={question}
            value={session.answers[question.id]}
            gapLines={session.partialGaps[question.id]}
            {...questionProgress(survey.questions, session.answers, question.id)}
            isFirst={firstQuestion(survey.questions, session.answers)?.id === question.id}
            onAnswer={(value) => kiosk.answer(question.id, value)}
            onGapLines={(lines) => kiosk.answerGap(question.id, lines)}
            onType={(value) => kiosk.type(question.id, value)}
            onTypingDone={kiosk.finishTyping}
            onNext={kiosk.next}
            onSkip={kiosk.skip}
            onBack={kiosk.back}
            onLanguage={(language) => void kiosk.changeLanguage(language)}
          />
        )}
        {state.stage === 'review' && session && (
          <ReviewScreen
            answered={Object.keys(session.answers).length}
            busy={kiosk.submitting}
            onSubmit={() => void kiosk.submit()}
            onBack={kiosk.back}
          />
        )}
        {state.stage === 'thanks' &&
          (phone ? (
            <PhoneThanksScreen responseId={kiosk.submittedId} />
          ) : (
            <ThanksScreen seconds={kioskOptions.thanksSeconds} onDone={() => void kiosk.reset()} />
          ))}
        {idle.secondsLeft !== null && (
          <IdleDialog
            secondsLeft={idle.secondsLeft}
            onContinue={() => {
              idle.extend();
              // Dated now: a crash after this resumes the survey instead of closing it.
              kiosk.stillHere();
            }}
          />
        )}
        <ScreenAnnouncer survey={survey} state={state} />
      </div>
    </LanguageProvider>
  );
}
