/**
 * One item of the gap module: three 1–9 lines (the lowest level the patron would accept,
 * the level they would like, the level they get), each with N/A.
 */
import type { AnswerValue, GapAnswer, GapPoint } from '../../shared/contract/answer';
import {
  GAP_DIMENSIONS,
  type GapDimension,
  NOT_APPLICABLE,
  SCALE_POINTS,
  scalePoints,
} from '../../shared/contract/constants';
import type { GapQuestion } from '../../shared/contract/question';
import { GAP_KEYS } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { NotApplicable } from './NotApplicable';
import { OptionButton } from './OptionButton';

const POINTS = scalePoints('gap');
const { min: LOWEST, max: HIGHEST } = SCALE_POINTS.gap;

type PartialGap = Partial<Record<GapDimension, GapPoint>>;

export function GapScale(props: {
  question: GapQuestion;
  value: AnswerValue | undefined;
  /** A gap answer counts once all three lines are answered; until then the parts are kept here. */
  partial: PartialGap;
  onPartial: (partial: PartialGap) => void;
}) {
  const { ts, language } = useLanguage();
  const number = new Intl.NumberFormat(language);
  const { question } = props;
  const current: PartialGap =
    typeof props.value === 'object' && 'perceived' in props.value
      ? (props.value as GapAnswer)
      : props.partial;
  const choose = (dimension: GapDimension, point: GapPoint) =>
    props.onPartial({ ...current, [dimension]: point });
  return (
    <div class="gap">
      <p class="instructions">{ts(GAP_KEYS.instructions)}</p>
      {GAP_DIMENSIONS.map((dimension) => {
        const name = `${question.id}-${dimension}`;
        const legendId = `${name}-legend`;
        return (
          <fieldset key={dimension} class="gap-line" aria-labelledby={legendId}>
            <legend id={legendId}>{ts(GAP_KEYS[dimension])}</legend>
            <div class={`numbers numbers-${POINTS.length}`}>
              {POINTS.map((point) => (
                <OptionButton
                  key={point}
                  type="radio"
                  name={name}
                  value={String(point)}
                  checked={current[dimension] === point}
                  onChange={() => choose(dimension, point)}
                  variant="number"
                >
                  {number.format(point)}
                </OptionButton>
              ))}
              {question.allowNA && (
                <NotApplicable
                  name={name}
                  checked={current[dimension] === NOT_APPLICABLE}
                  onChange={() => choose(dimension, NOT_APPLICABLE)}
                />
              )}
            </div>
            <div class="anchors">
              <span>{`${number.format(LOWEST)} – ${ts(GAP_KEYS.low)}`}</span>
              <span>{`${number.format(HIGHEST)} – ${ts(GAP_KEYS.high)}`}</span>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

/** The complete answer once every line has a point or N/A. */
export function completeGap(partial: PartialGap): GapAnswer | undefined {
  const { minimum, desired, perceived } = partial;
  return minimum !== undefined && desired !== undefined && perceived !== undefined
    ? { minimum, desired, perceived }
    : undefined;
}
