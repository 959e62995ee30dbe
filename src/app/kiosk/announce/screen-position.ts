/**
 * Where the patron is, as the position announcement and the tab's title need it. The
 * announcement is keyed by the question and the language only: an answer that shows or
 * hides later questions changes "of 19" on screen, but must not make the screen reader
 * say the position again while the patron is still on the same question.
 */
import type { Question } from '../../../shared/contract/question';
import { questionProgress } from '../../../shared/survey/navigation';
import type { KioskState } from '../session';

export interface ScreenPosition {
  /** Changes once per question shown (and when the language changes), never with an answer. */
  key: string;
  position: number;
  total: number;
}

/** The question on screen and its place among those shown; undefined off the questions. */
export function screenPosition(
  state: KioskState,
  questions: readonly Question[],
): ScreenPosition | undefined {
  const session = state.session;
  if (state.stage !== 'question' || !session) return undefined;
  const { position, total } = questionProgress(questions, session.answers, session.questionId);
  if (position === 0) return undefined;
  return { key: `${session.questionId}|${state.language}`, position, total };
}
