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
import { ReadingBadge } from '../kiosk/read-aloud/ReadingBadge';
import { useReaderState } from '../kiosk/read-aloud/reading-context';
import { gapLineReadId } from '../kiosk/read-aloud/segments';
import { NotApplicable } from './NotApplicable';
import { OptionButton } from './OptionButton';

const POINTS = scalePoints('gap');
const { min: LOWEST, max: HIGHEST } = SCALE_POINTS.gap;

export function GapScale(props: {
  question: GapQuestion;
  value: AnswerValue | undefined;
  /**
   * The lines answered so far while not all three are: a gap answer counts only once
   * whole, so the kiosk keeps the lines beside the answers until then.
   */
  lines: Partial<GapAnswer>;
  /** Every line answered so far, after one more was tapped. */
  onLines: (lines: Partial<GapAnswer>) => void;
}) {
  const { t, ts, language } = useLanguage();
  const number = new Intl.NumberFormat(language);
  const { question } = props;
  const readingId = useReaderState((reader) => reader.currentId, undefined);
  const current: Partial<GapAnswer> =
    typeof props.value === 'object' && 'perceived' in props.value
      ? (props.value as GapAnswer)
      : props.lines;
  const choose = (dimension: GapDimension, point: GapPoint) =>
    props.onLines({ ...current, [dimension]: point });
  return (
    <div class="gap">
      <p class="instructions">{ts(GAP_KEYS.instructions)}</p>
      {GAP_DIMENSIONS.map((dimension) => {
        const name = `${question.id}-${dimension}`;
        const legendId = `${name}-legend`;
        const beingRead = readingId === gapLineReadId(question.id, dimension);
        return (
          <fieldset
            key={dimension}
            class="gap-line"
            aria-labelledby={legendId}
            data-reading={beingRead ? '' : undefined}
          >
            <legend id={legendId}>{ts(GAP_KEYS[dimension])}</legend>
            {beingRead && <ReadingBadge />}
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
            </div>
            {/* The end labels sit right under their ends; N/A comes after, off the scale. */}
            <div class="anchors">
              <span>{t('question.scaleEnd', { point: LOWEST, label: ts(GAP_KEYS.low) })}</span>
              <span>{t('question.scaleEnd', { point: HIGHEST, label: ts(GAP_KEYS.high) })}</span>
            </div>
            {question.allowNA && (
              <NotApplicable
                name={name}
                checked={current[dimension] === NOT_APPLICABLE}
                onChange={() => choose(dimension, NOT_APPLICABLE)}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
