/**
 * The kiosk's behaviour around the pure flow: the draft written on every choice (typing a
 * moment later), submit and walk-away into the outbox, the language switch, and the reset
 * that leaves nothing of the previous patron on screen.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import type { AnswerValue, GapAnswer } from '../../shared/contract/answer';
import type { KioskOptions } from '../../shared/contract/device';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import type { Language } from '../../shared/languages';
import { switchLanguage } from '../i18n/i18n';
import {
  closeDraft,
  type DraftInput,
  StorageError,
  type StorageErrorKind,
  submitDraft,
} from '../store';
import { useDraftLock } from './draft-lock';
import { DraftWriter, flushWhenPageHides } from './draft-writer';
import { type KioskAction, type KioskState, kioskReducer, surveyOnScreen } from './session';

export interface Kiosk {
  state: KioskState;
  /** The response the last submit queued, for a thank-you screen that follows it. */
  submittedId: string | undefined;
  /** Why the last write failed; null while everything the patron did is on disk. */
  saveFailure: StorageErrorKind | null;
  /** The answers are being sent to the outbox: Submit does nothing meanwhile. */
  submitting: boolean;
  start: () => void;
  /** A choice: an option, a number, N/A, "Other" switched on or off. Written at once. */
  answer: (questionId: string, value: AnswerValue | undefined) => void;
  /** A line of a gap item tapped; `lines` holds every line answered so far. Written at once. */
  answerGap: (questionId: string, lines: Partial<GapAnswer>) => void;
  /** A keystroke in a text answer or an "Other" text: written a moment later, or on flush. */
  type: (questionId: string, value: AnswerValue | undefined) => void;
  /** The patron left a text field: what they typed is written now. */
  finishTyping: () => void;
  next: () => void;
  skip: () => void;
  back: () => void;
  changeLanguage: (language: Language) => Promise<void>;
  submit: () => Promise<void>;
  /** "Try again" after a failure: repeats the write that failed, or the submit. */
  retrySave: () => Promise<void>;
  /** The patron answered "Are you still there?": the draft is written again, dated now. */
  stillHere: () => void;
  /** The patron left: keep what they answered, return to the welcome screen. */
  walkAway: () => Promise<void>;
  /** Back to the welcome screen in the default language (after thanks). */
  reset: () => Promise<void>;
}

/** A visitor's phone on a public link: its responses carry the link's channel and branch. */
export interface PhoneLink {
  token: string;
  branchId: string;
}

function draftFor({ session, language, stage }: KioskState, link?: PhoneLink): DraftInput {
  if (!session) throw new Error('no survey in progress');
  return {
    id: session.responseId,
    surveyId: session.surveyId,
    surveyVersion: session.surveyVersion,
    locale: language,
    channel: link ? 'qr' : 'kiosk',
    ...(link ? { link } : {}),
    startedAt: session.startedAt,
    answers: session.answers,
    ...(stage === 'question' ? { currentQuestionId: session.questionId } : {}),
    ...(Object.keys(session.partialGaps).length > 0 ? { partialGaps: session.partialGaps } : {}),
  };
}

export function useKiosk(options: {
  survey: SurveyStructure;
  kioskOptions: KioskOptions;
  initial: KioskState;
  onSubmitted?: () => void;
  /** Set on a phone opened from a public link (phone mode). */
  link?: PhoneLink;
  /** Back to the welcome screen for the next patron: what else was theirs goes too. */
  onReset?: () => void;
}): Kiosk {
  const { survey, kioskOptions, link } = options;
  const draftOf = (state: KioskState) => draftFor(state, link);
  const reducer = useMemo(() => kioskReducer(survey.questions), [survey]);
  const [state, dispatch] = useReducer(reducer, options.initial);
  const [saveFailure, setSaveFailure] = useState<StorageErrorKind | null>(null);
  const writer = useMemo(() => new DraftWriter(setSaveFailure), []);
  const onSubmitted = useRef(options.onSubmitted);
  onSubmitted.current = options.onSubmitted;
  const onReset = useRef(options.onReset);
  onReset.current = options.onReset;

  // What changed since the last write: only keystrokes may wait for the next ones. A
  // choice made in the same render as a keystroke wins, so it is never held back.
  const changed = useRef<'nothing' | 'typing' | 'choice'>('nothing');
  // From the moment a submit or a walk-away starts queueing the draft, nothing may change
  // it: a tap then would be written to a response that is no longer a draft, or be missing
  // from the response without anyone knowing.
  const closing = useRef(false);
  const act = (kind: 'typing' | 'choice', action: KioskAction) => {
    if (closing.current) return;
    if (kind === 'choice' || changed.current === 'nothing') changed.current = kind;
    dispatch(action);
  };

  // The draft exists from the first answer on; every change after that is written, an
  // answer taken back included, so nothing the patron removed stays on the device. A
  // layout effect, not useEffect: Preact runs effects after the next frame, and a tablet
  // that is going to sleep may not paint another one.
  const { session } = state;
  const onScreen = surveyOnScreen(state);
  const drafted = useRef<string | null>(options.initial.session?.responseId ?? null);
  useLayoutEffect(() => {
    const typed = changed.current === 'typing';
    changed.current = 'nothing';
    if (!onScreen || closing.current) return;
    const hasDraft = drafted.current === onScreen.responseId;
    const untouched =
      Object.keys(onScreen.answers).length === 0 && Object.keys(onScreen.partialGaps).length === 0;
    if (!hasDraft && untouched) return;
    drafted.current = onScreen.responseId;
    if (typed) writer.writeSoon(draftOf(state));
    else void writer.writeNow(draftOf(state));
  }, [state, writer]);
  useEffect(() => flushWhenPageHides(writer), [writer]);

  useDraftLock(onScreen?.responseId ?? null);

  const [submitting, setSubmitting] = useState(false);
  const [submittedId, setSubmittedId] = useState<string | undefined>(undefined);
  const submitLock = useRef(false);
  /** What "Try again" repeats: the submit when that failed, the draft write otherwise. */
  const failedSubmit = useRef(false);

  const backToWelcome = useCallback(async () => {
    writer.discard();
    setSaveFailure(null);
    failedSubmit.current = false;
    // The screen leaves the patron's answers at once; the default language's texts are
    // loaded from the start, so they need not be waited for.
    dispatch({ type: 'reset', language: kioskOptions.defaultLocale });
    onReset.current?.();
    closing.current = false;
    await switchLanguage(kioskOptions.defaultLocale, survey.id);
  }, [writer, kioskOptions.defaultLocale, survey.id]);

  const submit = async () => {
    if (!session || submitLock.current) return;
    submitLock.current = true;
    setSubmitting(true);
    try {
      if (!(await writer.writeNow(draftOf(state)))) {
        failedSubmit.current = true;
        return;
      }
      closing.current = true;
      try {
        const queued = await submitDraft(session.responseId, undefined, survey.questions);
        if (queued?.status !== 'queued')
          throw new Error(`response ${session.responseId} was not queued`);
      } catch (error) {
        closing.current = false;
        failedSubmit.current = true;
        setSaveFailure(error instanceof StorageError ? error.kind : 'unknown');
        return;
      }
      failedSubmit.current = false;
      setSaveFailure(null);
      writer.discard();
      setSubmittedId(session.responseId);
      dispatch({ type: 'submitted' });
      closing.current = false;
      onSubmitted.current?.();
    } finally {
      submitLock.current = false;
      setSubmitting(false);
    }
  };

  return {
    state,
    submittedId,
    saveFailure,
    submitting,
    start: () =>
      dispatch({
        type: 'start',
        session: {
          responseId: uuidv7(),
          surveyId: survey.id,
          surveyVersion: survey.version,
          startedAt: new Date().toISOString(),
        },
      }),
    answer: (questionId, value) => act('choice', { type: 'answer', questionId, value }),
    answerGap: (questionId, lines) => act('choice', { type: 'gap', questionId, lines }),
    type: (questionId, value) => act('typing', { type: 'answer', questionId, value }),
    finishTyping: () => void writer.flush(),
    next: () => act('choice', { type: 'next' }),
    skip: () => act('choice', { type: 'skip' }),
    back: () => act('choice', { type: 'back' }),
    changeLanguage: async (next) => {
      await switchLanguage(next, survey.id);
      act('choice', { type: 'language', language: next });
    },
    retrySave: async () => {
      if (failedSubmit.current) await submit();
      else await writer.flush();
    },
    submit,
    stillHere: () => {
      if (onScreen && !closing.current && drafted.current === onScreen.responseId) {
        void writer.writeNow(draftOf(state));
      }
    },
    walkAway: async () => {
      // A submit under way finishes on its own and thanks the patron; queueing the same
      // draft as incomplete meanwhile would turn a sent response into a walked-away one.
      if (submitLock.current) return;
      closing.current = true;
      if (session) {
        // Whatever happens to the write, the next patron must not see this one's answers.
        await writer.flush();
        await closeDraft(session.responseId, undefined, survey.questions).catch((error: unknown) =>
          console.error('closing the draft failed', error),
        );
        onSubmitted.current?.();
      }
      await backToWelcome();
    },
    reset: backToWelcome,
  };
}
