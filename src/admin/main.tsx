/**
 * Starts the dashboard: the language (remembered, else the browser's), then the app. The
 * collector serves this page at /admin/ and at every path under it.
 */
// First: before any module builds a schema (see the module).
import '../shared/zod-without-eval';
import './admin.css';
import { render } from 'preact';
import { App } from './App';
import { initialLanguage, switchLanguage } from './i18n';

async function start(root: HTMLElement): Promise<void> {
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  })();
  const language = initialLanguage(storage, navigator.languages);
  await switchLanguage(language);
  render(<App initialLanguage={language} />, root);
}

const root = document.getElementById('admin') as HTMLElement;
start(root).catch((error: unknown) => {
  console.error('the dashboard could not start', error);
  root.textContent =
    'The dashboard could not start. Reload the page; if it happens again, tell your administrator.';
});
