import { describe, expect, it } from 'vitest';
import { firstScreenPreloads } from './preload-first-screen';

describe('firstScreenPreloads', () => {
  const chunk = (fileName: string, facadeModuleId: string | null) => ({
    type: 'chunk' as const,
    fileName,
    facadeModuleId,
  });

  it('names the English app texts and built-in survey texts, and nothing else', () => {
    const output = [
      chunk('assets/index-1.js', '/repo/index.html'),
      chunk('assets/app-en.js', '/repo/locales/en/app.json'),
      chunk('assets/app-hu.js', '/repo/locales/hu/app.json'),
      chunk('assets/survey-en.js', '/repo/locales/en/survey.library-service-quality.json'),
      chunk('assets/survey-sl.js', '/repo/locales/sl/survey.library-service-quality.json'),
      chunk('assets/admin-en.js', '/repo/locales/en/admin.json'),
      chunk('assets/boot.js', '/repo/src/app/phone/boot.tsx'),
      chunk('assets/shared.js', null),
      { type: 'asset' as const, fileName: 'assets/index.css' },
    ];
    expect(firstScreenPreloads(output)).toEqual(['assets/app-en.js', 'assets/survey-en.js']);
  });

  it('reads Windows paths as well', () => {
    expect(
      firstScreenPreloads([chunk('assets/app-en.js', 'C:\\repo\\locales\\en\\app.json')]),
    ).toEqual(['assets/app-en.js']);
  });
});
