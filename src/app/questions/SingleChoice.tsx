/** Choose one option (demographics offer "I prefer not to say" as an option of their own). */
import type { AnswerValue } from '../../shared/contract/answer';
import type { SingleQuestion } from '../../shared/contract/question';
import { optionKey } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { NotApplicableChoice } from './NotApplicable';
import { OptionButton } from './OptionButton';

export function SingleChoice(props: {
  question: SingleQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { ts } = useLanguage();
  const { question, value } = props;
  return (
    <div class="choices">
      {question.options.map((option) => (
        <OptionButton
          key={option.id}
          type="radio"
          name={question.id}
          value={option.id}
          checked={value === option.id}
          onChange={() => props.onChange(option.id)}
        >
          {ts(optionKey(question.id, option.id))}
        </OptionButton>
      ))}
      <NotApplicableChoice question={question} value={value} onChange={props.onChange} />
    </div>
  );
}
