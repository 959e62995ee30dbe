import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/languages';
import { DEFAULT_SURVEY_ID } from '../../surveys';
import { LanguageProvider } from '../i18n/context';
import { prepareLanguage } from '../i18n/i18n';
import { ClosedScreen } from './ClosedScreen';

const ZONE = 'Europe/Vilnius';
/** Monday 2 March 2026, 20:00 in Vilnius (UTC+2). */
const MONDAY_EVENING = new Date('2026-03-02T18:00:00Z');

function render(language: Language, opensAt: Date | undefined, now = MONDAY_EVENING): string {
  return renderToString(
    <LanguageProvider language={language} surveyId={DEFAULT_SURVEY_ID}>
      <ClosedScreen opensAt={opensAt} timeZone={ZONE} now={now} onStaff={() => undefined} />
    </LanguageProvider>,
  );
}

beforeAll(async () => {
  for (const language of LANGUAGES) await prepareLanguage(language, DEFAULT_SURVEY_ID);
});

describe('the closed screen', () => {
  it('names the next opening by weekday and time in the branch’s zone, in the kiosk’s language', () => {
    const tuesdayMorning = new Date('2026-03-03T07:00:00Z');
    expect(render('en', tuesdayMorning)).toContain('Next opening: Tuesday 09:00');
    expect(render('hu', tuesdayMorning)).toContain('Legközelebbi nyitás: kedd 09:00');
    expect(render('lt', tuesdayMorning)).toContain('Kitas atidarymas: 09:00, antradienis');
  });

  it('says "today" when it opens later the same local day', () => {
    const mondayMorning = new Date('2026-03-02T05:00:00Z');
    const later = new Date('2026-03-02T07:00:00Z');
    expect(render('en', later, mondayMorning)).toContain('It opens again today at 09:00.');
    expect(render('sl', later, mondayMorning)).toContain('Danes se znova odpre ob 09:00.');
  });

  it('asks patrons to come back when the hours name no day, and keeps the staff button', () => {
    const html = render('ru', undefined);
    expect(html).toContain('Библиотека закрыта');
    expect(html).toContain('Пожалуйста, приходите в часы работы.');
    expect(html).toContain('<button');
  });
});
