/**
 * Checks a response's answers against the survey version it was given under. The collector
 * rejects a record with the first problem found, naming the path of the field.
 */
import type { Answers } from '../contract/answer';
import type { Refusal, RefusalParams } from '../contract/refusal';
import type { SurveyStructure } from '../contract/survey-package';
import { type AnswerProblem, answerProblem } from './answers';
import { isAnswered, isVisible } from './conditions';

export interface ResponseProblem extends Refusal {
  reason: string;
  path: string;
}

/** An answer problem's values, for the device to say it in the staff's language. */
function answerProblemParams(problem: AnswerProblem): RefusalParams | undefined {
  switch (problem.code) {
    case 'out-of-range':
      return { min: problem.min, max: problem.max };
    case 'too-many':
    case 'too-long':
      return { max: problem.max };
    case 'unknown-option':
    case 'exclusive-with-others':
    case 'duplicate-option':
      return { option: problem.option };
    default:
      return undefined;
  }
}

/** An answer problem in words, for logs and the collector's reply. */
export function describeAnswerProblem(problem: AnswerProblem): string {
  switch (problem.code) {
    case 'required':
      return 'is required';
    case 'wrong-type':
      return `should be ${problem.expected}`;
    case 'out-of-range':
      return `should be from ${problem.min} to ${problem.max}`;
    case 'not-applicable-not-offered':
      return 'does not offer N/A';
    case 'unknown-option':
      return `has no option "${problem.option}"`;
    case 'too-many':
      return `allows at most ${problem.max} choices`;
    case 'too-long':
      return `allows at most ${problem.max} characters`;
    case 'exclusive-with-others':
      return `option "${problem.option}" cannot be combined with others`;
    case 'duplicate-option':
      return `option "${problem.option}" is chosen twice`;
  }
}

/** The first problem of a response's answers, or null when they fit the survey. */
export function responseProblem(
  survey: Pick<SurveyStructure, 'id' | 'version' | 'questions'>,
  answers: Answers,
  completed: boolean,
): ResponseProblem | null {
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) {
      return {
        path: `answers.${id}`,
        reason: `survey ${survey.id} v${survey.version} has no such question`,
        code: 'unknown-question',
        params: { question: id },
      };
    }
    if (!isVisible(question, answers)) {
      return {
        path: `answers.${id}`,
        reason: 'answers a question that the other answers hide',
        code: 'hidden-question',
      };
    }
    const problem = answerProblem(question, value);
    if (problem) {
      const sub = 'path' in problem && problem.path ? `.${problem.path}` : '';
      const params = answerProblemParams(problem);
      return {
        path: `answers.${id}${sub}`,
        reason: describeAnswerProblem(problem),
        code: problem.code,
        ...(params ? { params } : {}),
      };
    }
  }
  if (completed) {
    for (const question of survey.questions) {
      if (!question.optional && isVisible(question, answers) && !isAnswered(answers[question.id])) {
        return {
          path: `answers.${question.id}`,
          reason: 'is required in a completed response',
          code: 'required-in-completed',
        };
      }
    }
  }
  return null;
}
