/** "Not applicable / I don't know": an answer of its own, offered where the question allows it. */
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
