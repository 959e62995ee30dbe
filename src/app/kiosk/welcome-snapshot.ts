/**
 * The kiosk's welcome screen, kept for its next start. What a kiosk shows first depends on
 * what it has stored (the enrolled survey, its default language, the branch's look), so no
 * build can write it into the page; instead, whenever the app shows the welcome screen in
 * the default language with normal access settings, it keeps that screen's markup in
 * localStorage, and public/welcome-snapshot.js, loaded by index.html, writes it into the
 * page before the app's scripts have run. The app then renders the same screen over it.
 *
 * Only the welcome screen is ever kept: never another stage, never the staff view, never a
 * dialog, an alert or a form field, so never anything a patron answered. The live region's
 * last words are left out too.
 */
import type { Language } from '../../shared/languages';

/** The localStorage key; the same in public/welcome-snapshot.js. */
export const WELCOME_SNAPSHOT_KEY = 'library-survey.welcome-snapshot';
/** Raised when what is kept changes shape; public/welcome-snapshot.js checks it. */
const WELCOME_SNAPSHOT_FORMAT = 1;

export interface WelcomeSnapshot {
  format: typeof WELCOME_SNAPSHOT_FORMAT;
  /** The page's entry script: a snapshot of another build is not painted. */
  entry: string;
  lang: string;
  title: string;
  /** The kiosk layer's markup, inline styles moved to `data-snapshot-style`. */
  html: string;
}

/**
 * What may not be in a kept screen: a field a patron could have filled in (the access bar's
 * text size choices aside, which are normal whenever a screen is kept), a dialog, an alert.
 */
const NEVER_KEPT =
  'textarea, select, input:not(.access-bar input[type="radio"]), dialog, [role="dialog"], [role="alertdialog"], [role="alert"]';

/**
 * The welcome screen as the app shows it in `root`, or undefined when it shows anything
 * else: another stage, the staff view, another language than the default, a patron's text
 * size or contrast, a dialog or an alert.
 */
function welcomeSnapshot(
  root: Element,
  doc: Document,
  defaultLocale: Language,
): WelcomeSnapshot | undefined {
  const page = doc.documentElement;
  if (page.lang !== defaultLocale) return undefined;
  if (page.hasAttribute('data-text-size') || page.hasAttribute('data-contrast')) return undefined;
  const entry = doc.querySelector('script[type="module"][src]')?.getAttribute('src');
  if (!entry) return undefined;
  const layer = root.firstElementChild;
  if (root.childElementCount !== 1 || !layer?.matches('.kiosk-layer:not([hidden])')) {
    return undefined;
  }
  if (!layer.querySelector('.kiosk[data-stage="welcome"] > .screen.welcome')) return undefined;
  if (layer.querySelector(NEVER_KEPT)) return undefined;
  const copy = layer.cloneNode(true) as Element;
  for (const live of copy.querySelectorAll('[aria-live]')) live.replaceChildren();
  // A choice's state is the element's, not its markup: written in so the page shows it.
  for (const choice of copy.querySelectorAll('input')) {
    choice.toggleAttribute('checked', choice.checked);
  }
  for (const styled of [copy, ...copy.querySelectorAll('[style]')]) {
    const style = styled.getAttribute('style');
    if (style === null) continue;
    styled.setAttribute('data-snapshot-style', style);
    styled.removeAttribute('style');
  }
  return {
    format: WELCOME_SNAPSHOT_FORMAT,
    entry,
    lang: page.lang,
    title: doc.title,
    html: copy.outerHTML,
  };
}

/**
 * Keeps the welcome screen `root` shows for the next start, if it shows one (see
 * welcomeSnapshot). Storage that refuses (full, or turned off) only costs the early paint.
 */
export function keepWelcomeSnapshot(root: Element, defaultLocale: Language): void {
  try {
    const snapshot = welcomeSnapshot(root, document, defaultLocale);
    if (!snapshot) return;
    const text = JSON.stringify(snapshot);
    if (localStorage.getItem(WELCOME_SNAPSHOT_KEY) !== text) {
      localStorage.setItem(WELCOME_SNAPSHOT_KEY, text);
    }
  } catch {
    // The next start paints from the app, as without a snapshot.
  }
}
