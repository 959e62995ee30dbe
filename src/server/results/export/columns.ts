/**
 * The columns of a raw-data export, one layout for CSV and XLSX alike: the response's
 * fields first, then one or more columns per question in survey order. Cells hold codes
 * (numbers, option ids, 'na'), never labels; the codebook says what each code means.
 *
 *   rating, nps, single   <question>            the number or option id; 'na'; empty
 *   multi                 <question>.<option>   1 chosen, 0 not chosen; 'na'; empty
 *                         <question>.other      the "other" text (when the question has it)
 *   text                  <question>            the text as typed; empty
 *   gap                   <question>.minimum, .desired, .perceived   1–9; 'na'; empty
 *
 * Empty means not answered: skipped, not shown, or the patron stopped before it. Texts are
 * as stored, personal data already masked on ingest (shared/privacy/personal-data.ts).
 */
import { assertNever } from '../../../shared/assert-never';
import { type Answers, NOT_APPLICABLE } from '../../../shared/contract/answer';
import {
  GAP_DIMENSIONS,
  type GapDimension,
  type GapQuestion,
  type MultiQuestion,
  type NpsQuestion,
  type Question,
  type RatingQuestion,
  type SingleQuestion,
  type TextQuestion,
} from '../../../shared/contract/question';
import type { SurveyStructure } from '../../../shared/contract/survey-package';
import type { CollectedResponse } from '../../storage';
import { guardFormula } from './formula-guard';

/** One exported response, with the day it counts under (as the results filters see it). */
export interface ExportRow {
  response: CollectedResponse;
  /** YYYY-MM-DD in the collector's time zone; null when it is not known. */
  answeredDay: string | null;
}

/** A cell: a number, a text or a code, or null for an empty cell. */
export type CellValue = string | number | null;

/** The response's own fields, in the order they open every export. */
export const RESPONSE_FIELDS = [
  'response_id',
  'survey_version',
  'branch_id',
  'channel',
  'locale',
  'answered_day',
  'started_at',
  'submitted_at',
  'received_at',
  'completed',
  'location',
  'suspect',
] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

/** What a column holds, for the codebook. */
export type ColumnContent =
  | { kind: 'field'; field: ResponseField }
  | { kind: 'answer'; question: RatingQuestion | NpsQuestion | SingleQuestion }
  | { kind: 'option'; question: MultiQuestion; optionId: string }
  | { kind: 'other'; question: MultiQuestion }
  | { kind: 'text'; question: TextQuestion }
  | { kind: 'gap'; question: GapQuestion; dimension: GapDimension };

export interface ExportColumn {
  /** The header: `visit-frequency`, `todays-visit.borrow-return`, `gap-staff-service.desired`. */
  name: string;
  content: ColumnContent;
  /** The cell of one row, guarded against formulas where people typed it. */
  cell: (row: ExportRow) => CellValue;
}

function fieldCell(field: ResponseField, row: ExportRow): CellValue {
  const r = row.response;
  switch (field) {
    case 'response_id':
      return r.id;
    case 'survey_version':
      return r.surveyVersion;
    case 'branch_id':
      return r.branchId;
    case 'channel':
      return r.channel;
    case 'locale':
      return r.locale;
    case 'answered_day':
      return row.answeredDay;
    case 'started_at':
      return r.startedAt;
    case 'submitted_at':
      return r.submittedAt;
    case 'received_at':
      return r.receivedAt;
    case 'completed':
      return r.completed ? 1 : 0;
    case 'location':
      // Typed by staff: a place named "=SUM(…)" stays a text in a spreadsheet.
      return r.location ? guardFormula(r.location) : null;
    case 'suspect':
      return r.suspect ? 1 : 0;
    default:
      return assertNever(field, 'response field');
  }
}

const answerOf = (row: ExportRow, questionId: string): Answers[string] | undefined =>
  row.response.answers[questionId];

/** A number or 'na' as it is; anything else (nothing, or a shape of another version) empty. */
function pointCell(value: unknown): CellValue {
  return typeof value === 'number' || value === NOT_APPLICABLE ? value : null;
}

function questionColumns(question: Question): ExportColumn[] {
  const id = question.id;
  switch (question.type) {
    case 'rating':
    case 'nps':
      return [
        {
          name: id,
          content: { kind: 'answer', question },
          cell: (row) => pointCell(answerOf(row, id)),
        },
      ];
    case 'single':
      return [
        {
          name: id,
          content: { kind: 'answer', question },
          cell: (row) => {
            const value = answerOf(row, id);
            return typeof value === 'string' ? value : null;
          },
        },
      ];
    case 'multi': {
      const selection = (row: ExportRow) => {
        const value = answerOf(row, id);
        if (value === NOT_APPLICABLE) return NOT_APPLICABLE;
        return typeof value === 'object' && 'selected' in value ? value : null;
      };
      const columns: ExportColumn[] = question.options.map((option) => ({
        name: `${id}.${option.id}`,
        content: { kind: 'option', question, optionId: option.id },
        cell: (row) => {
          const value = selection(row);
          if (value === null || value === NOT_APPLICABLE) return value;
          return value.selected.includes(option.id) ? 1 : 0;
        },
      }));
      if (question.other) {
        columns.push({
          name: `${id}.other`,
          content: { kind: 'other', question },
          cell: (row) => {
            const value = selection(row);
            const other = typeof value === 'object' ? value?.other : undefined;
            return other ? guardFormula(other) : null;
          },
        });
      }
      return columns;
    }
    case 'text':
      return [
        {
          name: id,
          content: { kind: 'text', question },
          cell: (row) => {
            const value = answerOf(row, id);
            return typeof value === 'string' && value !== '' ? guardFormula(value) : null;
          },
        },
      ];
    case 'gap':
      return GAP_DIMENSIONS.map((dimension) => ({
        name: `${id}.${dimension}`,
        content: { kind: 'gap', question, dimension },
        cell: (row) => {
          const value = answerOf(row, id);
          if (value === NOT_APPLICABLE) return NOT_APPLICABLE;
          return typeof value === 'object' && 'perceived' in value
            ? pointCell(value[dimension])
            : null;
        },
      }));
    default:
      return assertNever(question, 'question type');
  }
}

/** The export's columns for a survey structure: the response's fields, then its questions. */
export function exportColumns(structure: Pick<SurveyStructure, 'questions'>): ExportColumn[] {
  const fields: ExportColumn[] = RESPONSE_FIELDS.map((field) => ({
    name: field,
    content: { kind: 'field', field },
    cell: (row) => fieldCell(field, row),
  }));
  return [...fields, ...structure.questions.flatMap(questionColumns)];
}

/** The cells of one row, in column order. */
export function exportCells(columns: readonly ExportColumn[], row: ExportRow): CellValue[] {
  return columns.map((column) => column.cell(row));
}
