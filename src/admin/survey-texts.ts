/**
 * A survey's structure and texts, from its package (GET /surveys/:id brings every
 * language). Each package is fetched once per visit and its texts added to i18next as
 * survey.<id>; screens name questions, options and scale points in the reader's language.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'preact/hooks';
import type { Question } from '../shared/contract/question';
import type { SurveyPackage } from '../shared/contract/survey-package';
import {
  GAP_KEYS,
  NPS_KEYS,
  optionKey,
  questionTextKey,
  scalePointKey,
} from '../shared/survey/translation-keys';
import { api } from './api';
import { useLanguage } from './context';
import { addSurveyTexts, surveyT } from './i18n';
import { type Load, useLoad } from './use-load';

const packages = new Map<string, Promise<SurveyPackage>>();

export function loadSurveyPackage(surveyId: string): Promise<SurveyPackage> {
  let loading = packages.get(surveyId);
  if (!loading) {
    loading = api.surveyPackage(surveyId).then(async (pkg) => {
      await addSurveyTexts(pkg.id, pkg.translations);
      return pkg;
    });
    // A failure is not kept: the next screen asks again.
    loading.catch(() => packages.delete(surveyId));
    packages.set(surveyId, loading);
  }
  return loading;
}

/** Names of a survey's parts in one language. */
export interface SurveyTexts {
  pkg: SurveyPackage;
  ts: TFunction;
  title: string;
  question: (questionId: string) => string;
  option: (questionId: string, optionId: string) => string;
  /** A rating's point in words, or an nps point as its number. */
  point: (question: Question, point: number) => string;
  npsEnds: { low: string; high: string };
  gap: Record<keyof typeof GAP_KEYS, string>;
}

export function surveyTexts(pkg: SurveyPackage, ts: TFunction): SurveyTexts {
  return {
    pkg,
    ts,
    title: ts(pkg.title),
    // A comment may name a question a later version dropped: its id is better than a key.
    question: (id) => ts(questionTextKey(id), { defaultValue: id }),
    option: (questionId, optionId) =>
      ts(optionKey(questionId, optionId), { defaultValue: optionId }),
    point: (question, point) =>
      question.type === 'rating' ? ts(scalePointKey(question.scale, point)) : String(point),
    npsEnds: { low: ts(NPS_KEYS.low), high: ts(NPS_KEYS.high) },
    gap: Object.fromEntries(
      Object.entries(GAP_KEYS).map(([name, key]) => [name, ts(key)]),
    ) as Record<keyof typeof GAP_KEYS, string>,
  };
}

/** The package of a survey and its texts in the reader's language. */
export function useSurveyTexts(surveyId: string | undefined): Load<SurveyTexts> {
  const { language } = useLanguage();
  const [load] = useLoad(
    () => (surveyId ? loadSurveyPackage(surveyId) : Promise.reject(new Error('no survey'))),
    surveyId ?? '',
  );
  return useMemo((): Load<SurveyTexts> => {
    if (load.state === 'error') return { state: 'error', error: load.error };
    if (load.state !== 'ok' || !surveyId) return { state: 'loading' };
    return { state: 'ok', data: surveyTexts(load.data, surveyT(language, surveyId)) };
  }, [load, language, surveyId]);
}
