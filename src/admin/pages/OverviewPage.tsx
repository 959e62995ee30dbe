/**
 * The overview: how many responded and completed, the completion rate with its interval,
 * the trend by day, week or month, and each branch's headline rating, top-two share and
 * NPS. Slices under 5 responses say "too few answers"; under 30 carry a warning.
 */
import { useCallback } from 'preact/hooks';
import {
  type ResultsOverview,
  TREND_INTERVALS,
  type TrendInterval,
} from '../../shared/contract/results';
import { api } from '../api';
import { BAR_COLOUR, trendLines } from '../charts/charts';
import { PlotFigure, type PlotModule } from '../charts/PlotFigure';
import { EstimateText, FewAnswersNote, TooFew } from '../components/Figures';
import { FiltersBar, useFilters } from '../components/FiltersBar';
import { Legend } from '../components/Legend';
import { Status } from '../components/Status';
import { useLanguage, useSignedIn } from '../context';
import { useSurveyTexts } from '../survey-texts';
import { useLoad } from '../use-load';

const DEFAULT_INTERVAL: TrendInterval = 'week';

function readInterval(query: URLSearchParams): TrendInterval {
  const value = query.get('interval');
  return (TREND_INTERVALS as readonly string[]).includes(value ?? '')
    ? (value as TrendInterval)
    : DEFAULT_INTERVAL;
}

export function OverviewPage() {
  const { t, f } = useLanguage();
  const { route, navigate } = useSignedIn();
  const { filters, query } = useFilters();
  const interval = readInterval(route.query);
  const [load, reload] = useLoad(
    (signal) => api.overview(query, interval, signal),
    `${query}|${interval}`,
  );
  const texts = useSurveyTexts(filters.survey);
  const data = load.data;
  const questionText = (id: string | null) =>
    id && texts.state === 'ok' ? texts.data.question(id) : '';

  return (
    <>
      <h1 tabIndex={-1}>{t('overview.title')}</h1>
      <FiltersBar />
      <Status
        loading={load.state === 'loading'}
        error={load.state === 'error' ? load.error : undefined}
        onRetry={reload}
      />
      {data ? (
        <div class={load.state === 'loading' ? 'stale' : ''}>
          <Headline data={data} />
          {data.tooFew ? null : (
            <section class="panel" aria-labelledby="trend-heading">
              <div class="panel-head">
                <h2 id="trend-heading">{t('overview.trend')}</h2>
                <fieldset class="segmented">
                  <legend class="visually-hidden">{t('overview.interval')}</legend>
                  {TREND_INTERVALS.map((i) => (
                    <label key={i}>
                      <input
                        type="radio"
                        name="interval"
                        value={i}
                        checked={interval === i}
                        onChange={() => {
                          const next = new URLSearchParams(route.query);
                          next.set('interval', i);
                          navigate('overview', next);
                        }}
                      />
                      <span>{t(`overview.intervals.${i}`)}</span>
                    </label>
                  ))}
                </fieldset>
              </div>
              <Trend data={data} />
            </section>
          )}
          <section class="panel" aria-labelledby="branches-heading">
            <h2 id="branches-heading">{t('overview.branches')}</h2>
            <div class="table-scroll">
              <table class="data">
                <caption>
                  {t('overview.branchesCaption', {
                    rating: questionText(data.headline.ratingQuestionId) || t('overview.noRating'),
                    nps: questionText(data.headline.npsQuestionId) || t('overview.noNps'),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.branch')}</th>
                    <th scope="col" class="num">
                      {t('figures.responses')}
                    </th>
                    <th scope="col">{t('figures.completionRate')}</th>
                    <th scope="col">{t('figures.rating')}</th>
                    <th scope="col">{t('figures.topTwoBox')}</th>
                    <th scope="col">{t('figures.nps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.branches.map((b) => (
                    <tr key={b.branchId}>
                      <th scope="row">{b.name}</th>
                      <td class="num">{f.integer(b.responses)}</td>
                      {b.tooFew ? (
                        <td colSpan={4}>
                          <TooFew />
                        </td>
                      ) : (
                        <>
                          <td>
                            <EstimateText estimate={b.completionRate} kind="share" />
                          </td>
                          <td>
                            <EstimateText estimate={b.rating} kind="mean" />
                          </td>
                          <td>
                            <EstimateText estimate={b.topTwoBox} kind="share" />
                          </td>
                          <td>
                            <EstimateText estimate={b.nps} kind="nps" />
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <FewAnswersNote />
          </section>
        </div>
      ) : null}
    </>
  );
}

function Headline(props: { data: ResultsOverview }) {
  const { t, f } = useLanguage();
  const { data } = props;
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" class="visually-hidden">
        {t('overview.headline')}
      </h2>
      <dl class="cards">
        <div class="card">
          <dt>{t('figures.responses')}</dt>
          <dd class="big num">{f.integer(data.responses)}</dd>
        </div>
        <div class="card">
          <dt>{t('figures.completed')}</dt>
          <dd class="big num">{f.integer(data.completed)}</dd>
        </div>
        <div class="card">
          <dt>{t('figures.completionRate')}</dt>
          <dd>
            {data.tooFew || !data.completionRate ? (
              <TooFew />
            ) : (
              <>
                <span class="big num">{f.percent(data.completionRate.value)}</span>
                {data.completionRate.low !== null && data.completionRate.high !== null ? (
                  <span class="interval">
                    {t('figures.interval', {
                      low: f.percent(data.completionRate.low),
                      high: f.percent(data.completionRate.high),
                    })}
                  </span>
                ) : null}
              </>
            )}
          </dd>
        </div>
      </dl>
      {data.suspectLeftOut > 0 && (
        <p class="muted" data-testid="suspect-left-out">
          {t('filters.suspectLeftOut', { count: data.suspectLeftOut })}
        </p>
      )}
    </section>
  );
}

function Trend(props: { data: ResultsOverview }) {
  const { t, f } = useLanguage();
  const { trend } = props.data;
  const byMonth = trend.interval === 'month';
  const label = (day: string) => (byMonth ? f.month(day) : f.day(day));
  const labels = { responses: t('figures.responses'), completed: t('figures.completed') };
  const draw = useCallback(
    (Plot: PlotModule, width: number) =>
      trendLines(
        Plot,
        trend.points.map((p) => ({ ...p, start: new Date(`${p.start}T00:00:00Z`) })),
        width,
        labels,
        (date) => {
          const day = date.toISOString().slice(0, 10);
          return byMonth ? f.month(day) : f.dayShort(day);
        },
        f.integer,
      ),
    [trend, f],
  );
  if (trend.points.length === 0) return <p class="muted">{t('overview.noTrend')}</p>;
  return (
    <>
      <Legend
        items={[
          { label: labels.responses, colour: BAR_COLOUR },
          { label: labels.completed, colour: '#ef8a62' },
        ]}
      />
      <PlotFigure draw={draw} describedBy="trend-table" label={t('charts.trendLabel')} />
      <details class="table-details">
        <summary>{t('charts.showTable')}</summary>
        <table class="data compact" id="trend-table">
          <caption>{t(`overview.trendCaptions.${trend.interval}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`overview.periodStart.${trend.interval}`)}</th>
              <th scope="col" class="num">
                {labels.responses}
              </th>
              <th scope="col" class="num">
                {labels.completed}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.start}>
                <th scope="row">{label(p.start)}</th>
                <td class="num">{f.integer(p.responses)}</td>
                <td class="num">{f.integer(p.completed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
