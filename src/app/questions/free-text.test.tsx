import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_SURVEY_ID, parsedQuestions } from '../../../test/fixtures/surveys';
import type { MultiQuestion, TextQuestion } from '../../shared/contract/question';
import { LanguageProvider } from '../i18n/context';
import { prepareLanguage } from '../i18n/i18n';
import { MultiChoice } from './MultiChoice';
import { TextAnswer } from './TextAnswer';

const [text, multi] = parsedQuestions([
  { id: 'improve', type: 'text', maxLength: 200 },
  { id: 'did-today', type: 'multi', options: [{ id: 'borrow' }, { id: 'study' }], other: true },
]) as [TextQuestion, MultiQuestion];

const inLanguage = (children: preact.ComponentChildren) =>
  renderToString(
    <LanguageProvider language="en" surveyId={FIXTURE_SURVEY_ID}>
      {children}
    </LanguageProvider>,
  );

const nothing = () => {};

beforeAll(() => prepareLanguage('en', FIXTURE_SURVEY_ID));

describe('the fields a patron types in', () => {
  it.each([
    [
      'a free-text answer',
      'textarea',
      inLanguage(
        <TextAnswer
          question={text}
          value="my library card number 1234"
          labelledBy="q"
          onType={nothing}
          onTypingDone={nothing}
        />,
      ),
    ],
    [
      'the "other" text of a multiple choice',
      'input',
      inLanguage(
        <MultiChoice
          question={multi}
          value={{ selected: [], other: 'my name' }}
          onChange={nothing}
          onType={nothing}
          onTypingDone={nothing}
        />,
      ),
    ],
  ])(
    '%s (<%s>) lets the keyboard learn nothing: no spellcheck, autocorrect, autocapitalize or autocomplete',
    (_what, tag, html) => {
      const field = new RegExp(`<${tag}[^>]*class="text-input"[^>]*>`).exec(html)?.[0];
      expect(field).toBeDefined();
      for (const attribute of [
        'spellcheck="false"',
        'autocorrect="off"',
        'autocapitalize="off"',
        'autocomplete="off"',
      ]) {
        expect(field).toContain(attribute);
      }
    },
  );
});
