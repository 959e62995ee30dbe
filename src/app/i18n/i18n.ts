/**
 * The app's i18next instance. Texts are loaded per language on demand (each locale file is
 * its own chunk, and the service worker precaches them all, so a language switch works
 * offline). The collector's survey packages bring their own texts, added as bundles.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import type { TranslationTree } from '../../shared/contract/translations';
import { type Language, SOURCE_LANGUAGE } from '../../shared/languages';

export const APP_NAMESPACE = 'app';

export function surveyNamespace(surveyId: string): string {
  return `survey.${surveyId}`;
}

/**
 * The kiosk's locale files (app texts and built-in surveys), keyed by path; Vite turns each
 * into a lazily loaded chunk. The collector's own texts (admin.json, export.json) stay out
 * of the kiosk's bundle and precache.
 */
const localeFiles = import.meta.glob<TranslationTree>(
  ['/locales/*/app.json', '/locales/*/survey.*.json'],
  { import: 'default' },
);

export const i18n: I18n = i18next.createInstance();

let initialised: Promise<unknown> | undefined;

/** Initialises once; every function below waits for it, so their order does not matter. */
function ready(): Promise<unknown> {
  initialised ??= i18n.init({
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    ns: [APP_NAMESPACE],
    defaultNS: APP_NAMESPACE,
    resources: {},
    partialBundledLanguages: true,
    // Preact escapes every text it renders; escaping here too would show &amp; to patrons.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return initialised;
}

/** Loads a language's bundle for a namespace, if the build has one and it is not loaded yet. */
async function loadBundle(language: Language, namespace: string): Promise<void> {
  if (i18n.hasResourceBundle(language, namespace)) return;
  const load = localeFiles[`/locales/${language}/${namespace}.json`];
  if (!load) return;
  i18n.addResourceBundle(language, namespace, await load(), true, true);
}

/**
 * Makes a language ready to show: the app texts and the survey's texts, in this language
 * and in English (the fallback for anything a newer survey package has not translated).
 */
export async function prepareLanguage(language: Language, surveyId: string): Promise<void> {
  await ready();
  const namespaces = [APP_NAMESPACE, surveyNamespace(surveyId)];
  const languages = language === SOURCE_LANGUAGE ? [language] : [language, SOURCE_LANGUAGE];
  await Promise.all(languages.flatMap((l) => namespaces.map((ns) => loadBundle(l, ns))));
}

/** Adds the texts a survey package brought from the collector. */
export async function addSurveyTexts(
  surveyId: string,
  translations: Partial<Record<Language, TranslationTree>>,
): Promise<void> {
  await ready();
  for (const [language, tree] of Object.entries(translations)) {
    if (tree) i18n.addResourceBundle(language, surveyNamespace(surveyId), tree, true, true);
  }
}

/** Switches language once its texts are loaded, and tells assistive technology. */
export async function switchLanguage(language: Language, surveyId: string): Promise<void> {
  await prepareLanguage(language, surveyId);
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export interface Translators {
  /** App texts (locales/<lng>/app.json). */
  t: TFunction;
  /** The running survey's texts (locales/<lng>/survey.<id>.json or its package). */
  ts: TFunction;
}

export function translators(language: Language, surveyId: string): Translators {
  return {
    t: i18n.getFixedT(language, APP_NAMESPACE),
    ts: i18n.getFixedT(language, surveyNamespace(surveyId)),
  };
}
