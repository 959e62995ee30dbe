/**
 * A patron's answers to a survey, drawn at random but always valid: the questions are
 * walked in order as the kiosk shows them (showIf on the answers so far), optional ones are
 * sometimes skipped, N/A is sometimes chosen where offered, and a walk-away stops early.
 * Texts mix the five languages with characters that have broken exports and parsers.
 */

import { assertNever } from '../../src/shared/assert-never';
import type { Answers, AnswerValue } from '../../src/shared/contract/answer';
import { GAP_DIMENSIONS, NOT_APPLICABLE, SCALE_POINTS } from '../../src/shared/contract/constants';
import type { Question } from '../../src/shared/contract/question';
import type { SurveyStructure } from '../../src/shared/contract/survey-package';
import type { Language } from '../../src/shared/languages';
import { isVisible } from '../../src/shared/survey/conditions';
import { responseProblem } from '../../src/shared/survey/response-check';
import type { Random } from './random';

const TEXTS = [
  'Több szakkönyv kellene, és hosszabb nyitvatartás szombaton.',
  'Побольше новых книг и тихих мест для работы, пожалуйста.',
  'Več računalnikov in daljši odpiralni čas ob sobotah.',
  'Daugiau naujų knygų ir ramesnių vietų mokytis.',
  'More e-books; the Wi-Fi drops upstairs.',
  '=1+2 "quoted", semi;colon\nand a second line',
  'emoji 📚 and a tab\tinside',
];

export interface PatronResponse {
  answers: Answers;
  /** false: the patron walked away and the draft was closed as incomplete. */
  completed: boolean;
  locale: Language;
}

function numberAnswer(question: Question, min: number, max: number, random: Random): AnswerValue {
  if (question.allowNA && random.chance(0.05)) return NOT_APPLICABLE;
  return random.int(min, max);
}

function answerTo(question: Question, random: Random): AnswerValue {
  switch (question.type) {
    case 'rating':
    case 'nps': {
      const { min, max } = SCALE_POINTS[question.type];
      return numberAnswer(question, min, max, random);
    }
    case 'single':
      if (question.allowNA && random.chance(0.05)) return NOT_APPLICABLE;
      return random.pick(question.options).id;
    case 'multi': {
      const exclusive = question.options.filter((o) => o.exclusive);
      if (exclusive.length > 0 && random.chance(0.15)) {
        return { selected: [random.pick(exclusive).id] };
      }
      const max = question.maxSelected ?? question.options.length;
      const selected = question.options
        .filter((o) => !o.exclusive && random.chance(0.35))
        .slice(0, max)
        .map((o) => o.id);
      const other = question.other && random.chance(0.2) ? random.pick(TEXTS).slice(0, 60) : '';
      if (selected.length === 0 && !other) {
        const first = question.options.find((o) => !o.exclusive) ?? random.pick(question.options);
        selected.push(first.id);
      }
      return other ? { selected, other } : { selected };
    }
    case 'text':
      return `${random.pick(TEXTS)} #${random.int(1, 1_000_000)}`.slice(0, question.maxLength);
    case 'gap': {
      const point = () =>
        question.allowNA && random.chance(0.03)
          ? NOT_APPLICABLE
          : random.int(SCALE_POINTS.gap.min, SCALE_POINTS.gap.max);
      const [minimum, desired, perceived] = GAP_DIMENSIONS.map(point) as [
        ReturnType<typeof point>,
        ReturnType<typeof point>,
        ReturnType<typeof point>,
      ];
      return { minimum, desired, perceived };
    }
    default:
      return assertNever(question, 'question type');
  }
}

/** One patron's response; it passes the collector's own check, or this throws (a tool bug). */
export function patronResponse(
  survey: Pick<SurveyStructure, 'id' | 'version' | 'questions'>,
  languages: readonly Language[],
  random: Random,
): PatronResponse {
  const completed = !random.chance(0.1);
  // A walk-away leaves after at least one answer; a draft without any is dropped, not sent.
  const stopAfter = completed ? Number.POSITIVE_INFINITY : random.int(1, survey.questions.length);
  const answers: Answers = {};
  let given = 0;
  for (const question of survey.questions) {
    if (given >= stopAfter) break;
    if (!isVisible(question, answers)) continue;
    if (question.optional && random.chance(0.2)) continue;
    answers[question.id] = answerTo(question, random);
    given++;
  }
  const problem = responseProblem(survey, answers, completed);
  if (problem)
    throw new Error(`the chaos tool made an invalid response: ${problem.path} ${problem.reason}`);
  return { answers, completed, locale: random.pick(languages) };
}
