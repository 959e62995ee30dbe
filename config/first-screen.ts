/**
 * Measures what a kiosk downloads before it can show its first screen: the HTML and the
 * plain scripts it names, the entry script with its static imports and styles, and the
 * default language's texts (the app awaits them before the first render). Sizes are gzip
 * at level 6, what a typical server sends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a kiosk or a phone on a slow connection may download before the first screen shows
 * (for scale: a survey library such as SurveyJS with its Preact UI is ~415 KB).
 */
export const FIRST_SCREEN_BUDGET_GZIP_BYTES = 100 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface FirstScreenReport {
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/** Lists and sizes the first screen's files in a client build directory. */
export function measureFirstScreen(outDir: string, language = 'en'): FirstScreenReport {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find(
    (key) => manifest[key]?.isEntry && key.endsWith('index.html'),
  );
  if (!entryKey) throw new Error('the build manifest has no index.html entry');

  const files = new Set<string>(['index.html']);
  // Plain scripts the page names itself (the kept welcome screen's, public/), loaded first.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  for (const [tag, file] of html.matchAll(/<script\b[^>]*?\ssrc="\/([\w.-]+\.js)"[^>]*>/g)) {
    if (file && !tag.includes('type="module"')) files.add(file);
  }
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const child of chunk.imports ?? []) visit(child);
  };
  visit(entryKey);
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.src === `locales/${language}/app.json`) visit(key);
  }
  const defaultSurveyTexts = Object.keys(manifest).find((key) =>
    key.startsWith(`locales/${language}/survey.`),
  );
  if (defaultSurveyTexts) visit(defaultSurveyTexts);

  const sized = [...files].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(outDir, file)), { level: 6 }).length,
  }));
  return {
    files: sized.sort((a, b) => b.gzipBytes - a.gzipBytes),
    totalGzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
