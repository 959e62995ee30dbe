/**
 * One question of the survey at a time in the filtered slice (`question=` in the page's
 * query; the first question when unset): a chart that fits its type beside the table of
 * its numbers (the chart's text alternative), and its figures: n, N/A, skipped, and the
 * estimates with their 95% intervals. The collector is asked for that question only, so
 * the page stays fast at a network's scale. Texts come from the survey package.
 */
import { useCallback } from 'preact/hooks';
import type { Question } from '../../shared/contract/question';
import type { Estimate, QuestionResult } from '../../shared/contract/results';
import { api } from '../api';
import {
  BAR_COLOUR,
  bandBar,
  divergingBar,
  GAP_BAND_COLOUR,
  gapBand,
  NPS_COLOURS,
  RATING_COLOURS,
  type Segment,
  type ShareRow,
  shareBars,
} from '../charts/charts';
import { PlotFigure, type PlotModule } from '../charts/PlotFigure';
import { questionCommentsHref } from '../comments';
import { AskedInMark, AskedInNote, askedInText } from '../components/AskedIn';
import { EstimateText, FewAnswers, FewAnswersNote, TooFew } from '../components/Figures';
import { FiltersBar, useFilters } from '../components/FiltersBar';
import { Legend } from '../components/Legend';
import { Status } from '../components/Status';
import { useLanguage, useSignedIn } from '../context';
import { type SurveyTexts, useSurveyTexts } from '../survey-texts';
import { useLoad } from '../use-load';

export function QuestionsPage() {
  const { t } = useLanguage();
  const { filters, query } = useFilters();
  const { route, navigate } = useSignedIn();
  const texts = useSurveyTexts(filters.survey);
  const questions = texts.state === 'ok' ? texts.data.pkg.questions : [];
  const index = Math.max(
    0,
    questions.findIndex((q) => q.id === route.query.get('question')),
  );
  const current = questions[index];
  const asked = new URLSearchParams(query);
  if (current) asked.set('question', current.id);
  const [load, reload] = useLoad(
    // Until the survey's texts say which question is first, there is nothing to ask.
    (signal) => (current ? api.summary(asked, signal) : new Promise<never>(() => {})),
    asked.toString(),
  );
  const summary = load.data;
  const result = summary?.questions.find((q) => q.id === current?.id);
  const error =
    load.state === 'error' ? load.error : texts.state === 'error' ? texts.error : undefined;
  const show = (next: number) => {
    const target = questions[next];
    if (!target) return;
    const nextQuery = new URLSearchParams(route.query);
    nextQuery.set('question', target.id);
    navigate('questions', nextQuery);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('questions.title')}</h1>
      <FiltersBar />
      {texts.state === 'ok' && current ? (
        <nav class="panel question-picker" aria-label={t('questions.pick')}>
          <label>
            <span>{t('questions.pick')}</span>
            <select
              value={current.id}
              onChange={(event) =>
                show(questions.findIndex((q) => q.id === event.currentTarget.value))
              }
            >
              {questions.map((question, i) => (
                <option key={question.id} value={question.id}>
                  {i + 1}. {texts.data.question(question.id)}
                  {texts.data.askedIn(question.id)
                    ? ` (${askedInText(t, texts.data.askedIn(question.id))})`
                    : ''}
                </option>
              ))}
            </select>
          </label>
          <span class="muted">
            {t('questions.position', { number: index + 1, total: questions.length })}
          </span>
          <button
            type="button"
            class="button"
            disabled={index === 0}
            onClick={() => show(index - 1)}
          >
            {t('questions.previous')}
          </button>
          <button
            type="button"
            class="button"
            disabled={index === questions.length - 1}
            onClick={() => show(index + 1)}
          >
            {t('questions.next')}
          </button>
        </nav>
      ) : null}
      <Status
        loading={load.state === 'loading' || texts.state === 'loading'}
        error={error}
        onRetry={reload}
      />
      {summary && texts.state === 'ok' && current ? (
        <div class={load.state === 'loading' ? 'stale' : ''}>
          <p class="lead">
            {t('questions.lead', { count: summary.responses, completed: summary.completed })}
          </p>
          <FewAnswersNote />
          {summary.tooFew ? (
            <p class="notice">
              <TooFew />
            </p>
          ) : result ? (
            <QuestionSection
              key={current.id}
              number={index + 1}
              question={current}
              result={result}
              texts={texts.data}
              commentsHref={questionCommentsHref(query, current.id)}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function QuestionSection(props: {
  number: number;
  question: Question;
  result: QuestionResult;
  texts: SurveyTexts;
  commentsHref: string;
}) {
  const { t } = useLanguage();
  const { question, result, texts } = props;
  const headingId = `q-${question.id}`;
  return (
    <section class="panel question" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span class="question-number">{props.number}.</span> {texts.question(question.id)}
        <AskedInMark asked={texts.askedIn(question.id)} />
      </h2>
      <p class="muted small">{t(`questionTypes.${question.type}`)}</p>
      <AskedInNote asked={texts.askedIn(question.id)} />
      {result.tooFew ? (
        <p>
          <TooFew />
        </p>
      ) : (
        <div class="question-body">
          <div class="question-chart">
            <QuestionChart {...props} />
          </div>
          <div class="question-numbers">
            <FiguresTable question={question} result={result} />
          </div>
        </div>
      )}
    </section>
  );
}

const pointsOf = (question: Question) =>
  question.type === 'nps' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5];

/** The chart and its table, by question type. */
function QuestionChart(props: {
  question: Question;
  result: QuestionResult;
  texts: SurveyTexts;
  commentsHref: string;
}) {
  const { t, f } = useLanguage();
  const { question, result, texts } = props;
  const tableId = `answers-${question.id}`;
  const count = (key: string) => result.counts[key] ?? 0;

  const segments: Segment[] = (() => {
    switch (question.type) {
      case 'rating':
        return pointsOf(question).map((p, i) => ({
          label: t('questions.ratingPoint', { point: p, label: texts.point(question, p) }),
          count: count(String(p)),
          colour: RATING_COLOURS[i] ?? '#999',
        }));
      case 'nps': {
        const nps = result.nps;
        return [
          {
            label: t('nps.detractors'),
            count: nps?.detractors ?? 0,
            colour: NPS_COLOURS.detractors,
          },
          { label: t('nps.passives'), count: nps?.passives ?? 0, colour: NPS_COLOURS.passives },
          { label: t('nps.promoters'), count: nps?.promoters ?? 0, colour: NPS_COLOURS.promoters },
        ];
      }
      default:
        return [];
    }
  })();

  const rows: (ShareRow & { id: string; count: number; estimate: Estimate | undefined })[] =
    (() => {
      if (question.type === 'single' || question.type === 'multi') {
        const ids = [
          ...question.options.map((o) => o.id),
          ...(question.type === 'multi' && question.other ? ['other'] : []),
        ];
        // Each option's share with its Wilson interval, as the collector computed it.
        return ids.map((id) => {
          const share = result.shares?.[id];
          return {
            id,
            count: count(id),
            label: id === 'other' ? t('questions.other') : texts.option(question.id, id),
            share: share?.value ?? 0,
            low: share?.low ?? null,
            high: share?.high ?? null,
            estimate: share,
          };
        });
      }
      return [];
    })();

  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      switch (question.type) {
        case 'rating':
          return divergingBar(Plot, segments, width, f.percent);
        case 'nps':
          return bandBar(Plot, segments, width, f.percent);
        case 'gap': {
          const g = result.gap;
          return gapBand(
            Plot,
            {
              minimum: g?.minimumMean?.value ?? 0,
              desired: g?.desiredMean?.value ?? 0,
              perceived: g?.perceivedMean?.value ?? 0,
              perceivedLow: g?.perceivedMean?.low ?? null,
              perceivedHigh: g?.perceivedMean?.high ?? null,
            },
            width,
            (v) => f.decimal(v, 1),
          );
        }
        default:
          return shareBars(Plot, rows, width, f.percent);
      }
    },
    [question, result, texts, f],
  );

  const chartLabel = t('charts.questionLabel');
  switch (question.type) {
    case 'rating':
    case 'nps': {
      const total = segments.reduce((sum, s) => sum + s.count, 0);
      return (
        <>
          {question.type === 'nps' && result.nps ? (
            <p class="score">
              {t('figures.nps')}: <EstimateText estimate={result.nps} kind="nps" />
            </p>
          ) : null}
          <Legend items={segments} />
          <PlotFigure draw={draw} describedBy={tableId} label={chartLabel} />
          <table class="data compact" id={tableId}>
            <caption>{t('questions.answersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('questions.answer')}</th>
                <th scope="col" class="num">
                  {t('questions.count')}
                </th>
                <th scope="col" class="num">
                  {t('questions.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.label}>
                  <th scope="row">{s.label}</th>
                  <td class="num">{f.integer(s.count)}</td>
                  <td class="num">{total ? f.percent(s.count / total) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {question.type === 'nps' ? (
            <p class="muted small">
              {t('nps.ends', { low: texts.npsEnds.low, high: texts.npsEnds.high })}
            </p>
          ) : null}
        </>
      );
    }
    case 'single':
    case 'multi':
      return (
        <>
          <PlotFigure draw={draw} describedBy={tableId} label={chartLabel} />
          <table class="data compact" id={tableId}>
            <caption>
              {question.type === 'multi'
                ? t('questions.multiCaption')
                : t('questions.answersCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('questions.option')}</th>
                <th scope="col" class="num">
                  {t('questions.count')}
                </th>
                <th scope="col">{t('questions.shareWithInterval')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  <td class="num">{f.integer(row.count)}</td>
                  <td>
                    <EstimateText estimate={row.estimate} kind="share" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {question.type === 'multi' && question.other && count('other') > 0 ? (
            <p>
              <a class="link-target" href={props.commentsHref}>
                {t('questions.otherTexts', { count: count('other') })}
              </a>
            </p>
          ) : null}
        </>
      );
    case 'gap': {
      const g = result.gap;
      const rowsOfGap = [
        ['minimum', t('gap.minimumMean', { label: texts.gap.minimum }), g?.minimumMean, 'mean'],
        ['desired', t('gap.desiredMean', { label: texts.gap.desired }), g?.desiredMean, 'mean'],
        [
          'perceived',
          t('gap.perceivedMean', { label: texts.gap.perceived }),
          g?.perceivedMean,
          'mean',
        ],
        ['adequacy', t('gap.adequacy'), g?.adequacy, 'difference'],
        ['superiority', t('gap.superiority'), g?.superiority, 'difference'],
      ] as const;
      return (
        <>
          {g?.minimumMean && g.desiredMean && g.perceivedMean ? (
            <>
              <ul class="legend" aria-hidden="true">
                <li>
                  <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
                    <rect width="22" height="14" fill={GAP_BAND_COLOUR} stroke={BAR_COLOUR} />
                  </svg>
                  {t('gap.band', { minimum: texts.gap.minimum, desired: texts.gap.desired })}
                </li>
                <li>
                  <span aria-hidden="true">◆</span>
                  {t('gap.marker', { perceived: texts.gap.perceived })}
                </li>
              </ul>
              <PlotFigure draw={draw} describedBy={tableId} label={chartLabel} />
            </>
          ) : null}
          <table class="data compact" id={tableId}>
            <caption>{t('gap.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gap.line')}</th>
                <th scope="col">{t('figures.meanWithInterval')}</th>
              </tr>
            </thead>
            <tbody>
              {rowsOfGap.map(([key, label, estimate, kind]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>
                    <EstimateText estimate={estimate} kind={kind} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('gap.excluded')}</th>
                <td class="num">{f.integer(g?.excludedMinimumAboveDesired ?? 0)}</td>
              </tr>
            </tbody>
          </table>
        </>
      );
    }
    case 'text':
      return (
        <p>
          {t('questions.textAnswers', { count: result.n })}{' '}
          <a class="link-target" href={props.commentsHref}>
            {t('questions.readComments')}
          </a>
        </p>
      );
  }
}

/** n, N/A, skipped and the estimates the type has. */
function FiguresTable(props: { question: Question; result: QuestionResult }) {
  const { t, f } = useLanguage();
  const { question, result } = props;
  return (
    <table class="data compact figures">
      <caption>
        {t('questions.figuresCaption')}
        {result.n < 30 ? (
          <>
            {' '}
            <FewAnswers n={result.n} />
          </>
        ) : null}
      </caption>
      <tbody>
        <tr>
          <th scope="row">{t('figures.n')}</th>
          <td class="num">{f.integer(result.n)}</td>
        </tr>
        <tr>
          <th scope="row">{t('figures.na')}</th>
          <td class="num">{f.integer(result.na)}</td>
        </tr>
        <tr>
          <th scope="row">{t('figures.skipped')}</th>
          <td class="num">{f.integer(result.skipped)}</td>
        </tr>
        {result.mean ? (
          <tr>
            <th scope="row">{t('figures.meanWithInterval')}</th>
            <td>
              <EstimateText estimate={result.mean} kind="mean" />
            </td>
          </tr>
        ) : null}
        {result.topTwoBox ? (
          <tr>
            <th scope="row">{t('figures.topTwoBox')}</th>
            <td>
              <EstimateText estimate={result.topTwoBox} kind="share" />
            </td>
          </tr>
        ) : null}
        {question.type === 'nps' && result.nps ? (
          <tr>
            <th scope="row">{t('figures.nps')}</th>
            <td>
              <EstimateText estimate={result.nps} kind="nps" />
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
