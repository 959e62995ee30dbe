/** 0–10: how likely the patron is to recommend the library, with both ends in words. */
import type { AnswerValue } from '../../shared/contract/answer';
import { SCALE_POINTS, scalePoints } from '../../shared/contract/constants';
import type { NpsQuestion } from '../../shared/contract/question';
import { NPS_KEYS } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { NotApplicableChoice } from './NotApplicable';
import { OptionButton } from './OptionButton';

const POINTS = scalePoints('nps');
const { min: LOWEST, max: HIGHEST } = SCALE_POINTS.nps;

export function NpsScale(props: {
  question: NpsQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { t, ts, language } = useLanguage();
  const { question, value } = props;
  const number = new Intl.NumberFormat(language);
  const lowId = `${question.id}-low`;
  const highId = `${question.id}-high`;
  return (
    <div class="scale scale-nps">
      <div class={`numbers numbers-${POINTS.length}`}>
        {POINTS.map((point) => (
          <OptionButton
            key={point}
            type="radio"
            name={question.id}
            value={String(point)}
            checked={value === point}
            onChange={() => props.onChange(point)}
            variant="number"
            describedBy={point === LOWEST ? lowId : point === HIGHEST ? highId : undefined}
          >
            {number.format(point)}
          </OptionButton>
        ))}
      </div>
      <div class="anchors" aria-hidden="false">
        <span id={lowId}>{t('question.scaleEnd', { point: LOWEST, label: ts(NPS_KEYS.low) })}</span>
        <span id={highId}>
          {t('question.scaleEnd', { point: HIGHEST, label: ts(NPS_KEYS.high) })}
        </span>
      </div>
      <NotApplicableChoice question={question} value={value} onChange={props.onChange} />
    </div>
  );
}
