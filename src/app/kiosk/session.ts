/**
 * The kiosk's flow as a pure reducer: welcome → one question per screen → review → thanks
 * → welcome. Which question comes next is the shared survey logic; this only keeps the
 * patron's place and answers. Persistence and timers live in use-kiosk.ts.
 */
import type { Answers, AnswerValue } from '../../shared/contract/answer';
import type { Question } from '../../shared/contract/question';
import type { Language } from '../../shared/languages';
import { blockingProblem } from '../../shared/survey/answers';
import { pruneHiddenAnswers, visibleQuestions } from '../../shared/survey/conditions';
import { firstQuestion, nextQuestion, previousQuestion } from '../../shared/survey/navigation';

export type Stage = 'welcome' | 'question' | 'review' | 'thanks';

/** The patron's response while they answer it. */
export interface SurveySession {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  startedAt: string;
  answers: Answers;
  /** The question on screen (stage 'question'); the last one seen otherwise. */
  questionId: string;
}

export interface KioskState {
  stage: Stage;
  language: Language;
  session?: SurveySession;
}

/** Where the kiosk is, for the app around it. */
export type KioskPlace = Pick<KioskState, 'stage' | 'language'>;

export type KioskAction =
  | { type: 'start'; session: Omit<SurveySession, 'answers' | 'questionId'> }
  | { type: 'answer'; questionId: string; value: AnswerValue | undefined }
  | { type: 'next' }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'language'; language: Language }
  | { type: 'submitted' }
  | { type: 'reset'; language: Language };

export function welcome(language: Language): KioskState {
  return { stage: 'welcome', language };
}

/** The patron's survey while it is on screen (a question or the review), else undefined. */
export function surveyOnScreen(state: KioskState): SurveySession | undefined {
  return state.stage === 'question' || state.stage === 'review' ? state.session : undefined;
}

/**
 * The kiosk as a reloaded draft left it: on the question it recorded, or on the review
 * screen when it recorded none (drafts are written without one there), with Back leading
 * to the last question shown.
 */
export function resumed(
  questions: readonly Question[],
  draft: Omit<SurveySession, 'questionId' | 'responseId'> & {
    id: string;
    locale: Language;
    currentQuestionId?: string | undefined;
  },
): KioskState {
  const { currentQuestionId, answers } = draft;
  const onQuestion = questions.some((q) => q.id === currentQuestionId);
  const questionId = onQuestion
    ? (currentQuestionId as string)
    : (visibleQuestions(questions, answers).at(-1)?.id ?? '');
  return {
    stage: onQuestion ? 'question' : 'review',
    language: draft.locale,
    session: {
      responseId: draft.id,
      surveyId: draft.surveyId,
      surveyVersion: draft.surveyVersion,
      startedAt: draft.startedAt,
      answers,
      questionId,
    },
  };
}

function withAnswers(
  questions: readonly Question[],
  session: SurveySession,
  answers: Answers,
): SurveySession {
  return { ...session, answers: pruneHiddenAnswers(questions, answers) };
}

/** The reducer for one survey's questions. */
export function kioskReducer(questions: readonly Question[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));

  return (state: KioskState, action: KioskAction): KioskState => {
    const { session } = state;
    switch (action.type) {
      case 'start': {
        const first = firstQuestion(questions, {});
        if (!first) return state;
        return {
          ...state,
          stage: 'question',
          session: { ...action.session, answers: {}, questionId: first.id },
        };
      }
      case 'language':
        return { ...state, language: action.language };
      case 'submitted':
        return { stage: 'thanks', language: state.language };
      case 'reset':
        return welcome(action.language);
    }
    if (!session) return state;
    const current = byId.get(session.questionId);
    switch (action.type) {
      case 'answer': {
        const { [action.questionId]: _, ...others } = session.answers;
        const answers =
          action.value === undefined ? others : { ...others, [action.questionId]: action.value };
        return { ...state, session: withAnswers(questions, session, answers) };
      }
      case 'skip':
      case 'next': {
        if (state.stage !== 'question' || !current) return state;
        let moved = session;
        if (action.type === 'skip') {
          if (!current.optional) return state;
          const { [current.id]: _, ...others } = session.answers;
          moved = withAnswers(questions, session, others);
        } else if (blockingProblem(current, session.answers[current.id])) {
          return state;
        }
        const next = nextQuestion(questions, moved.answers, current.id);
        return next
          ? { ...state, session: { ...moved, questionId: next.id } }
          : { ...state, stage: 'review', session: moved };
      }
      case 'back': {
        if (state.stage === 'review') return { ...state, stage: 'question' };
        const previous = previousQuestion(questions, session.answers, session.questionId);
        return previous ? { ...state, session: { ...session, questionId: previous.id } } : state;
      }
    }
    return state;
  };
}
