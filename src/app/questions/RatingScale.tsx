/** A 1–5 rating with every point in words (and faces where the survey asks for them). */
import type { AnswerValue } from '../../shared/contract/answer';
import { scalePoints } from '../../shared/contract/constants';
import type { RatingQuestion } from '../../shared/contract/question';
import { scalePointKey } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { Face } from './Faces';
import { NotApplicableChoice } from './NotApplicable';
import { OptionButton } from './OptionButton';

const POINTS = scalePoints('rating');

export function RatingScale(props: {
  question: RatingQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { ts } = useLanguage();
  const { question, value } = props;
  return (
    <div class={`scale scale-rating${question.faces ? ' with-faces' : ''}`}>
      {POINTS.map((point) => (
        <OptionButton
          key={point}
          type="radio"
          name={question.id}
          value={String(point)}
          checked={value === point}
          onChange={() => props.onChange(point)}
          variant={question.faces ? 'face' : undefined}
        >
          {question.faces && <Face point={point} />}
          <span>{ts(scalePointKey(question.scale, point))}</span>
        </OptionButton>
      ))}
      <NotApplicableChoice question={question} value={value} onChange={props.onChange} />
    </div>
  );
}
