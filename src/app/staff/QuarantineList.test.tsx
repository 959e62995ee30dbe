import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/languages';
import { DEFAULT_SURVEY_ID } from '../../surveys';
import { LanguageProvider } from '../i18n/context';
import { prepareLanguage } from '../i18n/i18n';
import type { DeviceResponse, Quarantine } from '../store';
import { QuarantineList } from './QuarantineList';

function refused(quarantine: Omit<Quarantine, 'at'>): DeviceResponse {
  return {
    id: '0190a5c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f',
    surveyId: DEFAULT_SURVEY_ID,
    surveyVersion: 1,
    locale: 'en',
    channel: 'kiosk',
    deviceId: 'c0ffee00-0000-4000-8000-000000000001',
    branchId: 'east',
    startedAt: '2026-05-04T10:00:00.000Z',
    completed: true,
    answers: {},
    status: 'quarantined',
    updatedAt: 0,
    quarantine: { ...quarantine, at: 0 },
  } as DeviceResponse;
}

function render(language: Language, quarantine: Omit<Quarantine, 'at'>): string {
  return renderToString(
    <LanguageProvider language={language} surveyId={DEFAULT_SURVEY_ID}>
      <QuarantineList responses={[refused(quarantine)]} />
    </LanguageProvider>,
  );
}

beforeAll(async () => {
  for (const language of LANGUAGES) await prepareLanguage(language, DEFAULT_SURVEY_ID);
});

const outOfRange = {
  outcome: 'rejected',
  reason: 'should be from 1 to 5',
  code: 'out-of-range',
  params: { min: 1, max: 5 },
  path: 'answers.overall-satisfaction',
} as const;

describe('why the collector refused a response, in the staff language', () => {
  it.each<[Language, string]>([
    ['en', 'outside the scale from 1 to 5'],
    ['hu', 'kívül esik a skálán (1–5)'],
    ['ru', 'за пределы шкалы от 1 до 5'],
    ['sl', 'zunaj lestvice od 1 do 5'],
    ['lt', 'nepatenka į skalę nuo 1 iki 5'],
  ])('%s: says a rating out of range in words, with the field', (language, words) => {
    const html = render(language, outOfRange);
    expect(html).toContain(words);
    expect(html).toContain('answers.overall-satisfaction');
    if (language !== 'en') expect(html).not.toContain('should be from');
  });

  it.each<[Language, number, string]>([
    ['en', 1, 'the 1 character allowed'],
    ['en', 500, 'the 500 characters allowed'],
    ['ru', 1, 'не более 1 символа'],
    ['ru', 3, 'не более 3 символов'],
    ['ru', 500, 'не более 500 символов'],
    ['sl', 1, 'dovoljen je največ 1 znak'],
    ['sl', 2, 'dovoljena sta največ 2 znaka'],
    ['sl', 3, 'dovoljeni so največ 3 znaki'],
    ['sl', 500, 'dovoljenih je največ 500 znakov'],
    ['lt', 1, 'ne daugiau kaip 1 ženklas'],
    ['lt', 500, 'ne daugiau kaip 500 ženklų'],
  ])('%s: a limit of %i takes the plural form its number needs', (language, max, words) => {
    const html = render(language, {
      outcome: 'rejected',
      reason: `allows at most ${max} characters`,
      code: 'too-long',
      params: { max },
    });
    expect(html).toContain(words);
  });

  it('shows the English reason for a code this version does not know', () => {
    const html = render('hu', {
      outcome: 'rejected',
      reason: 'a reason from a newer collector',
      code: 'something-new',
    });
    expect(html).toContain('a reason from a newer collector');
  });

  it('shows the English reason of a row kept from before reasons had codes', () => {
    const html = render('ru', { outcome: 'rejected', reason: 'has no option "daily"' });
    expect(html).toContain('has no option &quot;daily&quot;');
  });

  it('shows a value from the reply as text, never as markup', () => {
    const html = render('en', {
      outcome: 'rejected',
      reason: 'option cannot be combined',
      code: 'exclusive-with-others',
      params: { option: '<img src=x onerror=alert(1)>' },
    });
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img');
  });
});
