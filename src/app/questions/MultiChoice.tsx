/**
 * Choose any number of options, optionally "Other" with a short text. An exclusive option
 * ("None of these") clears the others, and choosing another clears it.
 */
import type { AnswerValue, MultiAnswer } from '../../shared/contract/answer';
import { MAX_OTHER_LENGTH, NOT_APPLICABLE } from '../../shared/contract/constants';
import type { MultiQuestion } from '../../shared/contract/question';
import { optionKey } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { FREE_TEXT_PRIVACY } from './free-text';
import { NotApplicable } from './NotApplicable';
import { OptionButton } from './OptionButton';

function asSelection(value: AnswerValue | undefined): MultiAnswer {
  return typeof value === 'object' && 'selected' in value ? value : { selected: [] };
}

/** The selection after toggling one option, honouring exclusive options. */
export function toggleOption(
  question: MultiQuestion,
  current: MultiAnswer,
  optionId: string,
  on: boolean,
): MultiAnswer {
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.id));
  let selected = current.selected.filter((id) => id !== optionId);
  if (on) {
    selected = exclusive.has(optionId)
      ? [optionId]
      : [...selected.filter((id) => !exclusive.has(id)), optionId];
  }
  // Keep the survey's order, whatever order they were tapped in.
  selected = question.options.map((o) => o.id).filter((id) => selected.includes(id));
  const other = on && exclusive.has(optionId) ? undefined : current.other;
  return other === undefined ? { selected } : { selected, other };
}

export function MultiChoice(props: {
  question: MultiQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** Typing in the "Other" text. */
  onType: (value: AnswerValue | undefined) => void;
  onTypingDone: () => void;
}) {
  const { t, ts } = useLanguage();
  const { question, value } = props;
  const selection = asSelection(value);
  const otherOn = selection.other !== undefined;
  const otherId = `${question.id}-other-text`;
  const full =
    question.maxSelected !== undefined && selection.selected.length >= question.maxSelected;
  return (
    <div class="choices">
      {question.options.map((option) => (
        <OptionButton
          key={option.id}
          type="checkbox"
          name={question.id}
          value={option.id}
          checked={selection.selected.includes(option.id)}
          onChange={(on) => {
            if (on && full) return;
            props.onChange(toggleOption(question, selection, option.id, on));
          }}
        >
          {ts(optionKey(question.id, option.id))}
        </OptionButton>
      ))}
      {question.other && (
        <div class="other">
          <OptionButton
            type="checkbox"
            name={question.id}
            value="other"
            checked={otherOn}
            onChange={(on) => {
              const selected = selection.selected.filter(
                (id) => !question.options.find((o) => o.id === id)?.exclusive,
              );
              props.onChange(on ? { selected, other: '' } : { selected });
            }}
          >
            {t('answer.other')}
          </OptionButton>
          {otherOn && (
            <input
              id={otherId}
              class="text-input"
              type="text"
              aria-label={t('answer.otherLabel')}
              maxLength={MAX_OTHER_LENGTH}
              {...FREE_TEXT_PRIVACY}
              value={selection.other}
              onInput={(event) =>
                props.onType({
                  ...selection,
                  other: (event.currentTarget as HTMLInputElement).value,
                })
              }
              onBlur={props.onTypingDone}
            />
          )}
        </div>
      )}
      {question.allowNA && (
        <NotApplicable
          type="checkbox"
          name={question.id}
          checked={value === NOT_APPLICABLE}
          onChange={() => props.onChange(value === NOT_APPLICABLE ? undefined : NOT_APPLICABLE)}
        />
      )}
    </div>
  );
}
