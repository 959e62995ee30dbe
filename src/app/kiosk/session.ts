/**
 * The kiosk's flow as a pure reducer: welcome → one question per screen → review → thanks
 * → welcome. Which question comes next is the shared survey logic; this only keeps the
 * patron's place and answers. Persistence and timers live in use-kiosk.ts.
 */
import type { Answers, AnswerValue, GapAnswer } from '../../shared/contract/answer';
import { GAP_DIMENSIONS } from '../../shared/contract/constants';
import type { Question } from '../../shared/contract/question';
import type { Language } from '../../shared/languages';
import { blockingProblem } from '../../shared/survey/answers';
import { isVisible, pruneHiddenAnswers, visibleQuestions } from '../../shared/survey/conditions';
import { firstQuestion, nextQuestion, previousQuestion } from '../../shared/survey/navigation';

export type Stage = 'welcome' | 'question' | 'review' | 'thanks';

/**
 * The lines of gap items answered on one or two of their three lines, by question id. A
 * gap answer counts only once whole, so these stay out of `answers` (see the store's
 * `partialGaps`); they are kept so that Back, a reload or a crash brings them back.
 */
export type PartialGaps = Record<string, Partial<GapAnswer>>;

/** The patron's response while they answer it. */
export interface SurveySession {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  startedAt: string;
  answers: Answers;
  partialGaps: PartialGaps;
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
  | { type: 'start'; session: Omit<SurveySession, 'answers' | 'partialGaps' | 'questionId'> }
  | { type: 'answer'; questionId: string; value: AnswerValue | undefined }
  /** A line of a gap item answered: `lines` holds every line answered so far. */
  | { type: 'gap'; questionId: string; lines: Partial<GapAnswer> }
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
  draft: Omit<SurveySession, 'questionId' | 'responseId' | 'partialGaps'> & {
    id: string;
    locale: Language;
    currentQuestionId?: string | undefined;
    partialGaps?: PartialGaps | undefined;
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
      partialGaps: draft.partialGaps ?? {},
      questionId,
    },
  };
}

/** The complete answer once every line has a point or N/A. */
export function completeGap(lines: Partial<GapAnswer>): GapAnswer | undefined {
  return GAP_DIMENSIONS.every((dimension) => lines[dimension] !== undefined)
    ? (Object.fromEntries(GAP_DIMENSIONS.map((d) => [d, lines[d]])) as GapAnswer)
    : undefined;
}

/** The session with new answers and gap lines, less whatever the answers now hide. */
function withAnswers(
  questions: readonly Question[],
  session: SurveySession,
  answers: Answers,
  partialGaps: PartialGaps = session.partialGaps,
): SurveySession {
  const kept = pruneHiddenAnswers(questions, answers);
  const keptLines: PartialGaps = {};
  for (const question of questions) {
    const lines = partialGaps[question.id];
    if (lines && isVisible(question, kept)) keptLines[question.id] = lines;
  }
  return { ...session, answers: kept, partialGaps: keptLines };
}

/** The map without one question's entry. */
function without<T>(map: Record<string, T>, questionId: string): Record<string, T> {
  const { [questionId]: _, ...others } = map;
  return others;
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
          session: { ...action.session, answers: {}, partialGaps: {}, questionId: first.id },
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
        const others = without(session.answers, action.questionId);
        const answers =
          action.value === undefined ? others : { ...others, [action.questionId]: action.value };
        const partialGaps = without(session.partialGaps, action.questionId);
        return { ...state, session: withAnswers(questions, session, answers, partialGaps) };
      }
      case 'gap': {
        const { questionId, lines } = action;
        const complete = completeGap(lines);
        const others = without(session.answers, questionId);
        const partials = without(session.partialGaps, questionId);
        const updated = complete
          ? withAnswers(questions, session, { ...others, [questionId]: complete }, partials)
          : withAnswers(questions, session, others, { ...partials, [questionId]: lines });
        return { ...state, session: updated };
      }
      case 'skip':
      case 'next': {
        if (state.stage !== 'question' || !current) return state;
        let moved = session;
        if (action.type === 'skip') {
          if (!current.optional) return state;
          moved = withAnswers(
            questions,
            session,
            without(session.answers, current.id),
            without(session.partialGaps, current.id),
          );
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
