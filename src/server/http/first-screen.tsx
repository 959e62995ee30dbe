/**
 * A public link's first screen, rendered on the collector into the page it serves for
 * `/s/<token>` (static-app.ts), so a phone over mobile data paints it from the HTML
 * instead of after the app's scripts: the welcome screen in the visitor's language for an
 * open link, the polite notice for a closed or unknown one. Loaded lazily by static-app.ts
 * (its own chunk in the collector's build): only a public link's page needs
 * preact-render-to-string.
 *
 * Everything from staff (the survey's title and introduction) reaches the page only as
 * text that preact-render-to-string escapes; the texts around it are the app's own locale
 * files.
 */
import { renderToString } from 'preact-render-to-string';
import en from '../../../locales/en/app.json';
import hu from '../../../locales/hu/app.json';
import lt from '../../../locales/lt/app.json';
import ru from '../../../locales/ru/app.json';
import sl from '../../../locales/sl/app.json';
import { EARLY_START_SCRIPT } from '../../app/phone/early-start';
import { type FirstScreenProps, PhoneFirstScreen } from '../../app/phone/first-screen';
import { flattenTranslations, type TranslationTree } from '../../shared/contract/translations';
import { type Language, SOURCE_LANGUAGE } from '../../shared/languages';
import { INTRO_KEY } from '../../shared/survey/translation-keys';

const APP_TEXTS = { en, hu, ru, sl, lt } satisfies Record<Language, unknown>;

/**
 * An API reply written into the page (its body as the API sends it, and its ETag), for a
 * GET the phone makes as it starts: it takes the reply from the page instead of asking.
 */
export interface PageReply {
  etag?: string;
  body: unknown;
}

/** What the collector knows of a link when its page is asked for. */
export type LinkFirstScreen = (
  | {
      kind: 'open';
      /** The survey's package: its title key and texts. */
      survey: { title: string; translations: Partial<Record<Language, TranslationTree>> };
    }
  | { kind: 'closed' | 'invalid' }
) & {
  /** The phone's first API replies, by path (src/app/phone/page-replies.ts). */
  replies?: Record<string, PageReply>;
};

export interface RenderedFirstScreen {
  /** The screen's markup, for inside `<div id="app">`. */
  markup: string;
  /** The inline script that goes right after it (EARLY_START_SCRIPT). */
  script: string;
  /** The phone's first API replies, by path; written as a JSON data block, not run. */
  replies?: Record<string, PageReply>;
}

/**
 * A survey text as the app's `ts` shows it: in `language`, else in the source language
 * (i18next's fallback), else the key itself.
 */
function surveyText(
  translations: Partial<Record<Language, TranslationTree>>,
  language: Language,
  key: string,
): string {
  const inLanguage = (l: Language) => {
    const tree = translations[l];
    return tree ? flattenTranslations(tree).get(key) : undefined;
  };
  return inLanguage(language) ?? inLanguage(SOURCE_LANGUAGE) ?? key;
}

export function firstScreenProps(link: LinkFirstScreen, language: Language): FirstScreenProps {
  const texts = APP_TEXTS[language];
  if (link.kind !== 'open') {
    return { kind: link.kind, ...texts.phone[link.kind] };
  }
  const { survey } = link;
  return {
    kind: 'welcome',
    language,
    title: surveyText(survey.translations, language, survey.title),
    intro: surveyText(survey.translations, language, INTRO_KEY),
    texts: { welcome: texts.welcome, language: texts.language, access: texts.access },
  };
}

export function renderFirstScreen(link: LinkFirstScreen, language: Language): RenderedFirstScreen {
  const props = firstScreenProps(link, language);
  return {
    markup: renderToString(<PhoneFirstScreen {...props} />),
    // Only Start waits for the app; a notice has nothing to tap.
    script: props.kind === 'welcome' ? EARLY_START_SCRIPT : '',
    ...(link.replies ? { replies: link.replies } : {}),
  };
}
