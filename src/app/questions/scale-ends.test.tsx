import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GapQuestion, NpsQuestion } from '../../shared/contract/question';
import { LANGUAGES, type Language } from '../../shared/languages';
import { DEFAULT_SURVEY_ID } from '../../surveys';
import { libraryServiceQuality } from '../../surveys/library-service-quality';
import { LanguageProvider } from '../i18n/context';
import { prepareLanguage } from '../i18n/i18n';
import { GapScale } from './GapScale';
import { NpsScale } from './NpsScale';

const questions = libraryServiceQuality.questions;
const scales = {
  nps: questions.find((q) => q.type === 'nps') as NpsQuestion,
  gap: questions.find((q) => q.type === 'gap') as GapQuestion,
};
type Scale = keyof typeof scales;
const nothing = () => {};

/** The words under the scale's numbers, as the patron reads them. */
function anchors(language: Language, scale: Scale): string[] {
  const question = scales[scale];
  const html = renderToString(
    <LanguageProvider language={language} surveyId={DEFAULT_SURVEY_ID}>
      {question.type === 'nps' ? (
        <NpsScale question={question} value={undefined} onChange={nothing} />
      ) : (
        <GapScale question={question} value={undefined} lines={{}} onLines={nothing} />
      )}
    </LanguageProvider>,
  );
  const [first] = html.match(/<div class="anchors"[^>]*>.*?<\/div>/s) ?? [];
  return [...(first ?? '').matchAll(/<span[^>]*>([^<]*)<\/span>/g)].map((m) => m[1] ?? '');
}

beforeAll(async () => {
  for (const language of LANGUAGES) await prepareLanguage(language, DEFAULT_SURVEY_ID);
});

describe("a scale's end labels", () => {
  it.each<[Language, Scale, string[]]>([
    ['en', 'nps', ['0 – Not at all likely', '10 – Extremely likely']],
    ['en', 'gap', ['1 – Low', '9 – High']],
    // Russian sets a number and its words apart with an em dash.
    ['ru', 'nps', ['0 — Точно не порекомендую', '10 — Обязательно порекомендую']],
    ['sl', 'gap', ['1 – Nizka', '9 – Visoka']],
    ['lt', 'gap', ['1 – Žemas', '9 – Aukštas']],
  ])('%s: the %s scale reads %j', (language, scale, expected) => {
    expect(anchors(language, scale)).toEqual(expected);
  });

  it.each(LANGUAGES)(
    '%s: each end is its number and its words, nothing left unfilled',
    (language) => {
      for (const scale of ['nps', 'gap'] as const) {
        const ends = anchors(language, scale);
        expect(ends).toHaveLength(2);
        for (const end of ends) expect(end).toMatch(/^\d+ \S+ \p{L}/u);
        expect(ends.join()).not.toMatch(/\{\{|question\.scaleEnd/);
      }
    },
  );
});
