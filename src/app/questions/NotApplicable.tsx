/** "Not applicable / I don't know": an answer of its own, offered where the question allows it. */
import type { AnswerValue } from '../../shared/contract/answer';
import { NOT_APPLICABLE } from '../../shared/contract/constants';
import { useLanguage } from '../i18n/context';
import { OptionButton } from './OptionButton';

export function NotApplicable(props: {
  name: string;
  checked: boolean;
  onChange: () => void;
  type?: 'radio' | 'checkbox';
}) {
  const { t } = useLanguage();
  return (
    <OptionButton
      type={props.type ?? 'radio'}
      name={props.name}
      value={NOT_APPLICABLE}
      checked={props.checked}
      onChange={props.onChange}
      variant="na"
    >
      {t('answer.notApplicable')}
    </OptionButton>
  );
}

/** The N/A choice of a question with one answer, shown only where the question allows it. */
export function NotApplicableChoice(props: {
  question: { id: string; allowNA: boolean };
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  if (!props.question.allowNA) return null;
  return (
    <NotApplicable
      name={props.question.id}
      checked={props.value === NOT_APPLICABLE}
      onChange={() => props.onChange(NOT_APPLICABLE)}
    />
  );
}
