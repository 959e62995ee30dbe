/**
 * Adds `<link rel="modulepreload">` for the default language's texts (the app's and the
 * built-in survey's) to the kiosk's index.html. The app imports them only once it knows
 * the language, after storage opened; named in the HTML, they arrive beside the entry
 * script instead of one round trip later, which is most of the wait on mobile data. They
 * are a few KB, and already counted in the first screen's size (first-screen.ts).
 */
import type { Plugin } from 'vite';

/** The source language: what a kiosk or phone shows when it knows no better. */
const PRELOADED_LANGUAGE = 'en';

function isPreloaded(moduleId: string | null | undefined): boolean {
  if (!moduleId) return false;
  const path = moduleId.split('\\').join('/');
  return (
    path.endsWith(`/locales/${PRELOADED_LANGUAGE}/app.json`) ||
    new RegExp(`/locales/${PRELOADED_LANGUAGE}/survey\\.[^/]+\\.json$`).test(path)
  );
}

/** What the build's output holds of a file, as far as this plugin looks. */
interface OutputItem {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
}

/** The files of a build to name for modulepreload: the default language's text chunks. */
export function firstScreenPreloads(output: readonly OutputItem[]): string[] {
  return output
    .filter((item) => item.type === 'chunk' && isPreloaded(item.facadeModuleId))
    .map((item) => item.fileName)
    .sort();
}

export function preloadFirstScreen(): Plugin {
  return {
    name: 'library-survey:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle || !context.path.endsWith('index.html')) return html;
        return firstScreenPreloads(Object.values(context.bundle)).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
