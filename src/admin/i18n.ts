/**
 * The dashboard's texts: its own i18next instance with locales/<lng>/admin.json (each its
 * own chunk, loaded when the language is chosen, English beside it as the fallback) and
 * the texts of each survey package the collector sends, as the namespace survey.<id>.
 * The chosen language is remembered in localStorage; the first visit takes the browser's.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import type { TranslationTree } from '../shared/contract/translations';
import { type Language, matchLanguage, SOURCE_LANGUAGE } from '../shared/languages';

export const ADMIN_NAMESPACE = 'admin';
const LANGUAGE_STORAGE_KEY = 'library-survey.admin.language';

const adminFiles = import.meta.glob<TranslationTree>('/locales/*/admin.json', {
  import: 'default',
});

export const i18n: I18n = i18next.createInstance();

let initialised: Promise<unknown> | undefined;

function ready(): Promise<unknown> {
  initialised ??= i18n.init({
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    ns: [ADMIN_NAMESPACE],
    defaultNS: ADMIN_NAMESPACE,
    resources: {},
    partialBundledLanguages: true,
    // Preact escapes every text it renders; escaping here too would show &amp;.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return initialised;
}

export function surveyNamespace(surveyId: string): string {
  return `survey.${surveyId}`;
}

async function loadAdminTexts(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, ADMIN_NAMESPACE)) return;
  const load = adminFiles[`/locales/${language}/admin.json`];
  if (load) i18n.addResourceBundle(language, ADMIN_NAMESPACE, await load(), true, true);
}

/** Loads the language's texts (and English's), switches to it and tells the page. */
export async function switchLanguage(language: Language): Promise<void> {
  await ready();
  await Promise.all([loadAdminTexts(language), loadAdminTexts(SOURCE_LANGUAGE)]);
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Adds the texts a survey package brought, every language it has. */
export async function addSurveyTexts(
  surveyId: string,
  translations: Partial<Record<Language, TranslationTree>>,
): Promise<void> {
  await ready();
  for (const [language, tree] of Object.entries(translations)) {
    if (tree) i18n.addResourceBundle(language, surveyNamespace(surveyId), tree, true, true);
  }
}

export function adminT(language: Language): TFunction {
  return i18n.getFixedT(language, ADMIN_NAMESPACE);
}

export function surveyT(language: Language, surveyId: string): TFunction {
  return i18n.getFixedT(language, surveyNamespace(surveyId));
}

/** The language remembered on this browser, else the first of the browser's it matches. */
export function initialLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
  preferences: readonly string[],
): Language {
  const stored = matchLanguage([safely(() => storage?.getItem(LANGUAGE_STORAGE_KEY)) ?? '']);
  return stored ?? matchLanguage(preferences) ?? SOURCE_LANGUAGE;
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'>, language: Language): void {
  safely(() => storage.setItem(LANGUAGE_STORAGE_KEY, language));
}

/** Storage may be refused (private windows, a policy); the choice is then not remembered. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
