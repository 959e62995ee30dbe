/**
 * One question per screen: progress and language at the top, the question and its answers,
 * then Back, Skip (optional questions) and Next. Focus moves to each new question so a
 * screen reader announces it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnswerValue, GapAnswer } from '../../shared/contract/answer';
import type { Question } from '../../shared/contract/question';
import type { Language } from '../../shared/languages';
import { blockingProblem } from '../../shared/survey/answers';
import { isAnswered } from '../../shared/survey/conditions';
import { questionHintKey, questionTextKey } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { QuestionInput } from '../questions/QuestionInput';
import { AnswerReminder } from './announce/AnswerReminder';
import { LanguageMenu } from './LanguagePicker';
import { ProgressBar } from './ProgressBar';

export function QuestionScreen(props: {
  question: Question;
  value: AnswerValue | undefined;
  /** The lines of a gap item answered so far, while not all three are. */
  gapLines: Partial<GapAnswer> | undefined;
  position: number;
  total: number;
  isFirst: boolean;
  onAnswer: (value: AnswerValue | undefined) => void;
  onGapLines: (lines: Partial<GapAnswer>) => void;
  onType: (value: AnswerValue | undefined) => void;
  onTypingDone: () => void;
  onNext: () => void;
  onSkip: () => void;
  onBack: () => void;
  onLanguage: (language: Language) => void;
}) {
  const { t, ts, i18nExists, language } = useLanguageWithHint();
  const { question, value } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The question Next was pressed on while it lacked an answer: tied to the question, so
  // the reminder never flashes on the next one before an effect could clear it.
  // Counted, so that each press is announced (announce/AnswerReminder.tsx).
  const [triedOn, setTriedOn] = useState<{ id: string; times: number } | null>(null);
  const tried = triedOn?.id === question.id;
  const headingId = `question-${question.id}`;
  const hintKey = questionHintKey(question.id);
  const hasHint = i18nExists(hintKey);

  // Also after a language change: the menu's button that had the focus is gone, and the
  // question is read again in the new language.
  useLayoutEffect(() => {
    headingRef.current?.focus();
  }, [question.id, language]);

  const problem = blockingProblem(question, value);
  const showSkip = question.optional && !isAnswered(value);
  const reminderId = `${headingId}-reminder`;
  const reminding = tried && problem !== null;

  return (
    <div class="screen question-screen">
      <header class="top-bar">
        <ProgressBar position={props.position} total={props.total} />
        <LanguageMenu onChoose={props.onLanguage} />
      </header>
      <main class="question" aria-labelledby={headingId}>
        <h1 id={headingId} ref={headingRef} tabIndex={-1} class="question-text">
          {ts(questionTextKey(question.id))}
        </h1>
        {hasHint && <p class="question-hint">{ts(hintKey)}</p>}
        <fieldset
          class="answers"
          aria-labelledby={headingId}
          aria-describedby={reminding ? reminderId : undefined}
          aria-invalid={reminding ? true : undefined}
        >
          <QuestionInput
            key={question.id}
            question={question}
            value={value}
            gapLines={props.gapLines}
            labelledBy={headingId}
            onChange={props.onAnswer}
            onGapLines={props.onGapLines}
            onType={props.onType}
            onTypingDone={props.onTypingDone}
          />
        </fieldset>
        <AnswerReminder
          id={reminderId}
          text={
            reminding
              ? t(question.type === 'gap' ? 'question.requiredGap' : 'question.required')
              : undefined
          }
          attempt={triedOn?.times ?? 0}
        />
      </main>
      <nav class="bottom-bar" aria-label={t('question.navigation')}>
        {props.isFirst ? (
          <span />
        ) : (
          <button type="button" class="button button-large" onClick={props.onBack}>
            {t('question.back')}
          </button>
        )}
        <div class="bottom-bar-end">
          {showSkip && (
            <button type="button" class="button button-large" onClick={props.onSkip}>
              {t('question.skip')}
            </button>
          )}
          {!showSkip && (
            <button
              type="button"
              class="button button-primary button-large"
              onClick={() => {
                setTriedOn((last) => ({
                  id: question.id,
                  times: last?.id === question.id ? last.times + 1 : 1,
                }));
                if (!problem) props.onNext();
              }}
            >
              {t('question.next')}
            </button>
          )}
        </div>
      </nav>
    </div>
  );
}

/** The translators plus a check for optional keys (a hint is not required by every survey). */
function useLanguageWithHint() {
  const context = useLanguage();
  return { ...context, i18nExists: (key: string) => context.ts(key, { defaultValue: '' }) !== '' };
}
