/**
 * The codebook of an export: for every column, the question (or the response field) it
 * holds and every value its cells can take, with what each means, in one language. Survey
 * texts come from the package's translations, falling back to English when a text is
 * missing (and to an empty label, never a key); the export's own texts are in
 * locales/<language>/export.json.
 */
import en from '../../../../locales/en/export.json';
import hu from '../../../../locales/hu/export.json';
import lt from '../../../../locales/lt/export.json';
import ru from '../../../../locales/ru/export.json';
import sl from '../../../../locales/sl/export.json';
import { assertNever } from '../../../shared/assert-never';
import { NOT_APPLICABLE } from '../../../shared/contract/answer';
import { scalePoints } from '../../../shared/contract/constants';
import type { Question } from '../../../shared/contract/question';
import { CHANNELS } from '../../../shared/contract/response';
import { flattenTranslations, type TranslationTree } from '../../../shared/contract/translations';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  SOURCE_LANGUAGE,
} from '../../../shared/languages';
import {
  GAP_KEYS,
  NPS_KEYS,
  optionKey,
  questionTextKey,
  scalePointKey,
} from '../../../shared/survey/translation-keys';
import type { ColumnContent, ExportColumn, ResponseField } from './columns';
import { guardFormula } from './formula-guard';

type ExportTexts = typeof en;
const EXPORT_TEXTS: Record<Language, ExportTexts> = { en, hu, ru, sl, lt };

/** The value column's entry for an apostrophe the formula guard added. */
export const FORMULA_GUARD_VALUE = "'…";

export interface CodebookRow {
  /** The export's column name. */
  column: string;
  /** The question's text (with the option or line it is about), or what a field holds. */
  question: string;
  /** A code the column's cells may hold; '' for an empty cell or a column of free values. */
  value: string | number;
  label: string;
}

export interface Codebook {
  language: Language;
  /** "Codebook: <survey title>", in the language. */
  title: string;
  /** The four headings, in the language. */
  headings: Record<keyof CodebookRow, string>;
  rows: CodebookRow[];
}

/** What a package offers the codebook: its title key and texts. */
export interface CodebookSource {
  title: string;
  translations: Partial<Record<Language, TranslationTree>>;
}

/** Looks a survey text up in the language, then in English; '' rather than a key. */
function surveyTexts(source: CodebookSource, language: Language): (key: string) => string {
  const flat = (l: Language) => {
    const tree = source.translations[l];
    return tree ? flattenTranslations(tree) : new Map<string, string>();
  };
  const own = flat(language);
  const fallback = language === SOURCE_LANGUAGE ? own : flat(SOURCE_LANGUAGE);
  return (key) => own.get(key)?.trim() || fallback.get(key)?.trim() || '';
}

const FIELD_VALUES: Record<
  ResponseField,
  (t: ExportTexts) => { value: string | number; label: string }[]
> = {
  response_id: (t) => [{ value: '', label: t.values.id }],
  survey_version: (t) => [{ value: '', label: t.values.number }],
  branch_id: (t) => [{ value: '', label: t.values.id }],
  channel: (t) => CHANNELS.map((channel) => ({ value: channel, label: t.values.channel[channel] })),
  locale: () => LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] })),
  answered_day: (t) => [{ value: '', label: t.values.day }],
  started_at: (t) => [{ value: '', label: t.values.time }],
  submitted_at: (t) => [{ value: '', label: t.values.time }],
  received_at: (t) => [{ value: '', label: t.values.time }],
  completed: (t) => [
    { value: 1, label: t.values.completed.yes },
    { value: 0, label: t.values.completed.no },
  ],
  location: (t) => [
    { value: '', label: t.values.location },
    { value: FORMULA_GUARD_VALUE, label: t.values.formulaGuard },
  ],
  suspect: (t) => [
    { value: 1, label: t.values.suspect.yes },
    { value: 0, label: t.values.suspect.no },
  ],
};

/** The rows of one column, its question text left to the caller. */
function columnRows(
  content: ColumnContent,
  t: ExportTexts,
  text: (key: string) => string,
): { question: string; values: { value: string | number; label: string }[] } {
  const unanswered = (question: Question) => [
    ...(question.allowNA ? [{ value: NOT_APPLICABLE, label: t.values.notApplicable }] : []),
    { value: '', label: t.values.notAnswered },
  ];
  const guarded = { value: FORMULA_GUARD_VALUE, label: t.values.formulaGuard };
  switch (content.kind) {
    case 'field':
      return { question: t.fields[content.field], values: FIELD_VALUES[content.field](t) };
    case 'answer': {
      const { question } = content;
      const questionText = text(questionTextKey(question.id));
      switch (question.type) {
        case 'rating':
          return {
            question: questionText,
            values: [
              ...scalePoints('rating').map((point) => ({
                value: point,
                label: text(scalePointKey(question.scale, point)),
              })),
              ...unanswered(question),
            ],
          };
        case 'nps': {
          const [low, high] = [text(NPS_KEYS.low), text(NPS_KEYS.high)];
          const points = scalePoints('nps');
          return {
            question: questionText,
            values: [
              ...points.map((point, i) => ({
                value: point,
                label: i === 0 ? low : i === points.length - 1 ? high : String(point),
              })),
              ...unanswered(question),
            ],
          };
        }
        case 'single':
          return {
            question: questionText,
            values: [
              ...question.options.map((option) => ({
                value: option.id,
                label: text(optionKey(question.id, option.id)),
              })),
              ...unanswered(question),
            ],
          };
        default:
          return assertNever(question, 'question type');
      }
    }
    case 'option': {
      const { question, optionId } = content;
      return {
        question: `${text(questionTextKey(question.id))} — ${text(optionKey(question.id, optionId))}`,
        values: [
          { value: 1, label: t.values.chosen },
          { value: 0, label: t.values.notChosen },
          ...unanswered(question),
        ],
      };
    }
    case 'other':
      return {
        question: `${text(questionTextKey(content.question.id))} — ${t.other}`,
        values: [{ value: '', label: t.values.otherText }, guarded],
      };
    case 'text':
      return {
        question: text(questionTextKey(content.question.id)),
        values: [{ value: '', label: t.values.text }, guarded],
      };
    case 'gap': {
      const { question, dimension } = content;
      const points = scalePoints('gap');
      const [low, high] = [text(GAP_KEYS.low), text(GAP_KEYS.high)];
      return {
        question: `${text(questionTextKey(question.id))} — ${text(GAP_KEYS[dimension])}`,
        values: [
          ...points.map((point, i) => ({
            value: point,
            label:
              i === 0
                ? `${point}: ${low}`
                : i === points.length - 1
                  ? `${point}: ${high}`
                  : String(point),
          })),
          ...unanswered(question),
        ],
      };
    }
    default:
      return assertNever(content, 'column content');
  }
}

/** The codebook of these columns in one language, from the package's texts. */
export function buildCodebook(
  columns: readonly ExportColumn[],
  source: CodebookSource,
  language: Language,
): Codebook {
  const t = EXPORT_TEXTS[language];
  const text = surveyTexts(source, language);
  const rows = columns.flatMap((column) => {
    const { question, values } = columnRows(column.content, t, text);
    // Survey texts may come from a package staff imported: guarded like patrons' texts.
    return values.map(({ value, label }) => ({
      column: column.name,
      question: guardFormula(question),
      value,
      label: guardFormula(label),
    }));
  });
  return {
    language,
    title: guardFormula(t.codebook.title.replace('{{survey}}', text(source.title))),
    headings: {
      column: t.codebook.column,
      question: t.codebook.question,
      value: t.codebook.value,
      label: t.codebook.label,
    },
    rows,
  };
}
