/**
 * Free text with a length limit. Autocomplete, autocorrect, autocapitalisation and the
 * spell checker are off (FREE_TEXT_PRIVACY): a shared kiosk's keyboard must not learn
 * patrons' words and offer them to the next patron.
 */
import type { AnswerValue } from '../../shared/contract/answer';
import type { TextQuestion } from '../../shared/contract/question';
import { useLanguage } from '../i18n/context';
import { ReadingBadge } from '../kiosk/read-aloud/ReadingBadge';
import { useBeingRead } from '../kiosk/read-aloud/reading-context';
import { textFieldReadId } from '../kiosk/read-aloud/segments';
import { FREE_TEXT_PRIVACY } from './free-text';

export function TextAnswer(props: {
  question: TextQuestion;
  value: AnswerValue | undefined;
  labelledBy: string;
  onType: (value: AnswerValue | undefined) => void;
  onTypingDone: () => void;
}) {
  const { t } = useLanguage();
  const { question } = props;
  const text = typeof props.value === 'string' ? props.value : '';
  const limitId = `${question.id}-limit`;
  const beingRead = useBeingRead(textFieldReadId(question.id));
  return (
    <div class="text-answer" data-reading={beingRead ? '' : undefined}>
      {beingRead && <ReadingBadge />}
      <textarea
        class="text-input"
        rows={5}
        maxLength={question.maxLength}
        aria-labelledby={props.labelledBy}
        aria-describedby={limitId}
        {...FREE_TEXT_PRIVACY}
        value={text}
        onInput={(event) => {
          const typed = (event.currentTarget as HTMLTextAreaElement).value;
          props.onType(typed === '' ? undefined : typed);
        }}
        onBlur={props.onTypingDone}
      />
      <p id={limitId} class="limit">
        {t('answer.characters', {
          count: question.maxLength - text.length,
          max: question.maxLength,
        })}
      </p>
    </div>
  );
}
