/**
 * How an estimate is shown wherever it appears: the value with its 95% interval, a marked
 * warning when it rests on fewer than 30 answers (a symbol and words, not colour alone),
 * and "too few answers" in place of anything from fewer than 5.
 */

import type { Estimate } from '../../shared/contract/results';
import { FEW_ANSWERS_WARNING_BELOW, MIN_RESPONSES_SHOWN } from '../../shared/contract/results';
import { useLanguage } from '../context';
import type { EstimateKind } from '../format';

export function FewAnswers(props: { n: number }) {
  const { t } = useLanguage();
  return (
    <span class="badge badge-warning">
      <span aria-hidden="true">⚠ </span>
      {t('figures.fewAnswers', { count: props.n })}
    </span>
  );
}

/** Says once, under a table, what the ⚠ of a few-answers figure means. */
export function FewAnswersNote() {
  const { t } = useLanguage();
  return (
    <p class="muted small">{t('figures.fewAnswersNote', { min: FEW_ANSWERS_WARNING_BELOW })}</p>
  );
}

export function TooFew() {
  const { t } = useLanguage();
  return <span class="too-few">{t('figures.tooFew', { min: MIN_RESPONSES_SHOWN })}</span>;
}

export function EstimateText(props: {
  estimate: Estimate | null | undefined;
  kind: EstimateKind;
  tooFew?: boolean;
}) {
  const { f } = useLanguage();
  const { estimate } = props;
  if (props.tooFew) return <TooFew />;
  if (!estimate) return <span aria-hidden="true">–</span>;
  return (
    <span class="estimate">
      <span class="num">{f.estimate(estimate, props.kind)}</span>
      {estimate.fewAnswers ? (
        <>
          {' '}
          <FewAnswers n={estimate.n} />
        </>
      ) : null}
    </span>
  );
}
