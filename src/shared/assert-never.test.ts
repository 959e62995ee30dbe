/**
 * The recipes for a new question type and a new language lean on the compiler: these checks
 * run under `tsc -b` (each @ts-expect-error must meet the error it announces) and show the
 * two forms the code uses, an exhaustive switch and a registry keyed by the union.
 */
import { describe, expect, it } from 'vitest';
import { assertNever } from './assert-never';
import type { QuestionType } from './contract/question';
import type { Language } from './languages';

/** A switch that forgot 'gap'. */
function forgetful(type: QuestionType): string {
  switch (type) {
    case 'rating':
    case 'nps':
    case 'single':
    case 'multi':
    case 'text':
      return type;
    default:
      // @ts-expect-error 'gap' is not handled above, so `type` is not `never` here.
      return assertNever(type, 'question type');
  }
}

describe('assertNever', () => {
  it('throws, naming what reached it, when data bypassed the contract', () => {
    expect(() => forgetful('gap')).toThrow('unhandled question type: "gap"');
  });
});

describe('registries keyed by a union', () => {
  it('must name every member', () => {
    // @ts-expect-error a registry keyed by QuestionType lacks 'nps', 'single', …
    const perType: Record<QuestionType, string> = { rating: 'RatingScale' };
    // @ts-expect-error a registry keyed by Language lacks 'hu', 'ru', …
    const perLanguage: Record<Language, string> = { en: 'English' };
    expect([perType, perLanguage]).toHaveLength(2);
  });
});
