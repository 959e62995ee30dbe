/**
 * Two slices side by side, question by question: branch against branch, or period against
 * period (this year against last, or any two ranges). Each slice is its own summary call
 * with the page's other filters; the differences (first minus second, with their 95%
 * intervals) come from src/shared/stats: Welch for means, Newcombe for shares, the normal
 * interval for NPS; for gap items, Welch on each answer's own adequacy and superiority,
 * whose counts the summary carries. Under 5 answers (or gap scores) on either side nothing
 * is compared; under 30 the difference carries a warning.
 */
import type { Question } from '../../shared/contract/question';
import {
  type Estimate,
  FEW_ANSWERS_WARNING_BELOW,
  type QuestionResult,
  type ResultsSummary,
} from '../../shared/contract/results';
import { type Difference, differenceOfProportions } from '../../shared/stats';
import { api } from '../api';
import { now } from '../clock';
import {
  COMPARE_MODES,
  type Comparison,
  compareResults,
  PERIOD_PAIRS,
  type PeriodPair,
  periodPair,
  readComparison,
  type Slice,
  sliceQuery,
  writeComparison,
} from '../compare';
import { AskedInMark } from '../components/AskedIn';
import { EstimateText, TooFew } from '../components/Figures';
import { FiltersBar, useFilters } from '../components/FiltersBar';
import { Status } from '../components/Status';
import { useLanguage, useSignedIn } from '../context';
import type { EstimateKind } from '../format';
import { type SurveyTexts, useSurveyTexts } from '../survey-texts';
import { useLoad } from '../use-load';

export function ComparePage() {
  const { t, f } = useLanguage();
  const { route, navigate, branches, session, branchName } = useSignedIn();
  const { filters } = useFilters();
  const today = now();
  const canChooseBranches = !session.user.branchId && branches.length > 1;
  const comparison = readComparison(route.query, {
    branchA: branches[0]?.id,
    branchB: branches[1]?.id,
    today,
    canChooseBranches,
  });
  const queryA = sliceQuery(filters, comparison.mode, comparison.a);
  const queryB = sliceQuery(filters, comparison.mode, comparison.b);
  const [load, reload] = useLoad(
    (signal) => Promise.all([api.summary(queryA, signal), api.summary(queryB, signal)]),
    `${queryA}|${queryB}`,
  );
  const texts = useSurveyTexts(filters.survey);
  const set = (next: Comparison) => navigate('compare', writeComparison(route.query, next));

  const label = (slice: Slice) =>
    comparison.mode === 'branch'
      ? branchName(slice.branch ?? '')
      : t('compare.range', {
          from: slice.from ? f.day(slice.from) : '…',
          to: slice.to ? f.day(slice.to) : '…',
        });
  const labels = { a: label(comparison.a), b: label(comparison.b) };

  return (
    <>
      <h1 tabIndex={-1}>{t('compare.title')}</h1>
      <FiltersBar period={comparison.mode !== 'period'} branches={comparison.mode !== 'branch'} />
      <section class="filters" aria-labelledby="compare-what">
        <h2 id="compare-what" class="visually-hidden">
          {t('compare.what')}
        </h2>
        {canChooseBranches ? (
          <fieldset class="segmented">
            <legend class="visually-hidden">{t('compare.what')}</legend>
            {COMPARE_MODES.map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name="compare-mode"
                  checked={comparison.mode === mode}
                  onChange={() =>
                    set(
                      mode === 'branch'
                        ? { mode, a: { branch: branches[0]?.id }, b: { branch: branches[1]?.id } }
                        : { mode, ...periodPair('this-year-last-year', today) },
                    )
                  }
                />
                <span>{t(`compare.modes.${mode}`)}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {comparison.mode === 'branch' ? (
          (['a', 'b'] as const).map((side) => (
            <label key={side} class="field">
              <span>{t(`compare.side.${side}`)}</span>
              <select
                value={comparison[side].branch}
                onChange={(e) => set({ ...comparison, [side]: { branch: e.currentTarget.value } })}
              >
                {branches.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
          ))
        ) : (
          <>
            <label class="field">
              <span>{t('compare.pairs.label')}</span>
              <select
                value=""
                onChange={(e) => {
                  const pair = e.currentTarget.value as PeriodPair | '';
                  if (pair) set({ mode: 'period', ...periodPair(pair, today) });
                }}
              >
                <option value="">{t('compare.pairs.choose')}</option>
                {PERIOD_PAIRS.map((pair) => (
                  <option key={pair} value={pair}>
                    {t(`compare.pairs.${pair}`)}
                  </option>
                ))}
              </select>
            </label>
            {(['a', 'b'] as const).map((side) => (
              <fieldset key={side} class="field-group">
                <legend>{t(`compare.side.${side}`)}</legend>
                {(['from', 'to'] as const).map((end) => (
                  <label key={end} class="inline-field">
                    <span>{t(`filters.${end}`)}</span>
                    <input
                      type="date"
                      value={comparison[side][end] ?? ''}
                      onChange={(e) =>
                        set({
                          ...comparison,
                          [side]: {
                            ...comparison[side],
                            [end]: e.currentTarget.value || undefined,
                          },
                        })
                      }
                    />
                  </label>
                ))}
              </fieldset>
            ))}
          </>
        )}
      </section>
      <Status
        loading={load.state === 'loading' || texts.state === 'loading'}
        error={
          load.state === 'error' ? load.error : texts.state === 'error' ? texts.error : undefined
        }
        onRetry={reload}
      />
      {load.data && texts.state === 'ok' ? (
        <div class={load.state === 'loading' ? 'stale' : ''}>
          <Results a={load.data[0]} b={load.data[1]} labels={labels} texts={texts.data} />
        </div>
      ) : null}
    </>
  );
}

function Results(props: {
  a: ResultsSummary;
  b: ResultsSummary;
  labels: { a: string; b: string };
  texts: SurveyTexts;
}) {
  const { t, f } = useLanguage();
  const { a, b, labels, texts } = props;
  const resultsA = new Map(a.questions.map((q) => [q.id, q]));
  const resultsB = new Map(b.questions.map((q) => [q.id, q]));
  return (
    <>
      <p class="lead">
        {t('compare.lead', {
          a: labels.a,
          b: labels.b,
          countA: f.integer(a.responses),
          countB: f.integer(b.responses),
        })}
      </p>
      <p class="muted small">{t('compare.how', { min: FEW_ANSWERS_WARNING_BELOW })}</p>
      {a.tooFew || b.tooFew ? (
        <p class="notice">
          <TooFew />
        </p>
      ) : (
        texts.pkg.questions.map((question, index) => {
          const ra = resultsA.get(question.id);
          const rb = resultsB.get(question.id);
          return ra && rb ? (
            <QuestionComparison
              key={question.id}
              number={index + 1}
              question={question}
              a={ra}
              b={rb}
              labels={labels}
              texts={texts}
            />
          ) : null;
        })
      )}
    </>
  );
}

interface Row {
  key: string;
  label: string;
  a: Estimate | null | undefined;
  b: Estimate | null | undefined;
  kind: EstimateKind;
  difference: Difference | null | undefined;
  differenceKind: EstimateKind;
}

function rowsOf(
  question: Question,
  a: QuestionResult,
  b: QuestionResult,
  texts: SurveyTexts,
  t: (key: string) => string,
): Row[] {
  const differences = compareResults(question, a, b);
  switch (question.type) {
    case 'rating':
      return [
        {
          key: 'mean',
          label: t('figures.meanWithInterval'),
          a: a.mean,
          b: b.mean,
          kind: 'mean',
          difference: differences.mean,
          differenceKind: 'difference',
        },
        {
          key: 'top',
          label: t('figures.topTwoBox'),
          a: a.topTwoBox,
          b: b.topTwoBox,
          kind: 'share',
          difference: differences.topTwoBox,
          differenceKind: 'share-difference',
        },
      ];
    case 'nps':
      return [
        {
          key: 'nps',
          label: t('figures.nps'),
          a: a.nps,
          b: b.nps,
          kind: 'nps',
          difference: differences.nps,
          differenceKind: 'nps',
        },
        {
          key: 'mean',
          label: t('figures.meanWithInterval'),
          a: a.mean,
          b: b.mean,
          kind: 'mean',
          difference: differences.mean,
          differenceKind: 'difference',
        },
      ];
    case 'gap':
      return [
        {
          key: 'adequacy',
          label: t('gap.adequacy'),
          a: a.gap?.adequacy,
          b: b.gap?.adequacy,
          kind: 'difference',
          difference: differences.adequacy,
          differenceKind: 'difference',
        },
        {
          key: 'superiority',
          label: t('gap.superiority'),
          a: a.gap?.superiority,
          b: b.gap?.superiority,
          kind: 'difference',
          difference: differences.superiority,
          differenceKind: 'difference',
        },
      ];
    case 'single':
    case 'multi': {
      const ids = [
        ...question.options.map((o) => o.id),
        ...(question.type === 'multi' && question.other ? ['other'] : []),
      ];
      return ids.map((id) => ({
        key: id,
        label: id === 'other' ? t('questions.other') : texts.option(question.id, id),
        a: a.shares?.[id],
        b: b.shares?.[id],
        kind: 'share' as const,
        difference: differenceOfProportions(a.counts[id] ?? 0, a.n, b.counts[id] ?? 0, b.n),
        differenceKind: 'share-difference' as const,
      }));
    }
    case 'text':
      return [];
  }
}

function QuestionComparison(props: {
  number: number;
  question: Question;
  a: QuestionResult;
  b: QuestionResult;
  labels: { a: string; b: string };
  texts: SurveyTexts;
}) {
  const { t, f } = useLanguage();
  const { question, a, b, labels, texts } = props;
  const tooFew = a.tooFew || b.tooFew;
  const rows = tooFew ? [] : rowsOf(question, a, b, texts, t);
  const headingId = `cmp-${question.id}`;
  return (
    <section class="panel question" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span class="question-number">{props.number}.</span> {texts.question(question.id)}
        <AskedInMark asked={texts.askedIn(question.id)} />
      </h2>
      <div class="table-scroll">
        <table class="data compact compare-table">
          <caption>{t('compare.caption', { a: labels.a, b: labels.b })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.figure')}</th>
              <th scope="col">{labels.a}</th>
              <th scope="col">{labels.b}</th>
              <th scope="col">{t('compare.difference')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('figures.n')}</th>
              <td class="num">{f.integer(a.n)}</td>
              <td class="num">{f.integer(b.n)}</td>
              <td />
            </tr>
            {tooFew ? (
              <tr>
                <td colSpan={4}>
                  <TooFew />
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <EstimateText estimate={row.a} kind={row.kind} />
                  </td>
                  <td>
                    <EstimateText estimate={row.b} kind={row.kind} />
                  </td>
                  <td>
                    <DifferenceText
                      difference={row.difference}
                      kind={row.differenceKind}
                      labels={labels}
                    />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {question.type === 'gap' && !tooFew ? (
        <p class="muted small">{t('compare.gapScoresNote')}</p>
      ) : null}
      {question.type === 'text' ? <p class="muted small">{t('compare.textNote')}</p> : null}
    </section>
  );
}

/** A difference with its interval, which side is higher when the interval leaves out 0, and the few-answers warning. */
function DifferenceText(props: {
  difference: Difference | null | undefined;
  kind: EstimateKind;
  labels: { a: string; b: string };
}) {
  const { t, f } = useLanguage();
  const d = props.difference;
  if (!d) return <span aria-hidden="true">–</span>;
  const clear = d.low !== null && d.high !== null && (d.low > 0 || d.high < 0);
  return (
    <span class="estimate">
      <span class="num">{f.estimate(d, props.kind)}</span>{' '}
      <span class={clear ? 'verdict clear' : 'verdict muted'}>
        {clear
          ? t('compare.higher', { side: d.value > 0 ? props.labels.a : props.labels.b })
          : t('compare.noClearDifference')}
      </span>
      {d.fewAnswers ? (
        <>
          {' '}
          <span class="badge badge-warning">
            <span aria-hidden="true">⚠ </span>
            {t('compare.fewAnswers', { min: FEW_ANSWERS_WARNING_BELOW })}
          </span>
        </>
      ) : null}
    </span>
  );
}
