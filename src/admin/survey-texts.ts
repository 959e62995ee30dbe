/**
 * A survey's structure and texts, from its package (GET /surveys/:id brings every
 * language). Each package is fetched once per visit and its texts added to i18next as
 * survey.<id>; screens name questions, options and scale points in the reader's language.
 * The results pages read the survey across its versions (survey-versions.ts): the
 * questions of every version, each marked with the versions that asked it when not all did.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'preact/hooks';
import type { Question } from '../shared/contract/question';
import type { SurveyPackage } from '../shared/contract/survey-package';
import type { AskedIn } from '../shared/survey/question-versions';
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
import { loadSurveyAcrossVersions } from './survey-versions';
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
  /** The latest version, its questions those of every version. */
  pkg: SurveyPackage;
  /** The versions that asked a question, when not every version did. */
  askedIn: (questionId: string) => AskedIn | undefined;
  ts: TFunction;
  title: string;
  question: (questionId: string) => string;
  option: (questionId: string, optionId: string) => string;
  /** A rating's point in words, or an nps point as its number. */
  point: (question: Question, point: number) => string;
  npsEnds: { low: string; high: string };
  gap: Record<keyof typeof GAP_KEYS, string>;
}

export function surveyTexts(
  pkg: SurveyPackage,
  ts: TFunction,
  askedIn: Readonly<Record<string, AskedIn>> = {},
): SurveyTexts {
  return {
    pkg,
    askedIn: (id) => askedIn[id],
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

/** A survey across its versions and its texts in the reader's language. */
export function useSurveyTexts(surveyId: string | undefined): Load<SurveyTexts> {
  const { language } = useLanguage();
  const [load] = useLoad(
    () => (surveyId ? loadSurveyAcrossVersions(surveyId) : Promise.reject(new Error('no survey'))),
    surveyId ?? '',
  );
  return useMemo((): Load<SurveyTexts> => {
    if (load.state === 'error') return { state: 'error', error: load.error };
    if (load.state !== 'ok' || !surveyId) return { state: 'loading' };
    const { pkg, askedIn } = load.data;
    return { state: 'ok', data: surveyTexts(pkg, surveyT(language, surveyId), askedIn) };
  }, [load, language, surveyId]);
}
