/**
 * The filters of every results page: survey, period (with presets), branches, channel,
 * language, complete/incomplete, places and suspect responses (PlaceFilters). They live in the URL, so a view can be bookmarked and
 * shared; branch staff see their branch only, so for them it is stated, not chosen.
 */
import { useMemo } from 'preact/hooks';
import { CHANNELS, type Channel } from '../../shared/contract/response';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';
import { now } from '../clock';
import { type SignedIn, useLanguage, useSignedIn } from '../context';
import {
  type Filters,
  filterQuery,
  matchingPreset,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
  readFilters,
  withFilters,
} from '../filters';
import type { Page } from '../route';
import { PlaceFilters } from './PlaceFilters';
import { surveyTitle } from './survey-title';

/** The survey shown when the URL names none: the reader's branch's, else the first. */
export function defaultSurvey(signedIn: SignedIn): string | undefined {
  const own = signedIn.branches.find((b) => b.id === signedIn.session.user.branchId);
  return own?.surveyId ?? signedIn.branches[0]?.surveyId ?? signedIn.surveys[0]?.id;
}

/** The filters of the current page, the survey filled in, and a way to change them. */
export function useFilters(): {
  filters: Filters & { survey: string | undefined };
  query: URLSearchParams;
  setFilters: (next: Filters) => void;
} {
  const signedIn = useSignedIn();
  const { route, navigate } = signedIn;
  return useMemo(() => {
    const read = readFilters(route.query);
    const filters = { ...read, survey: read.survey ?? defaultSurvey(signedIn) };
    return {
      filters,
      query: filterQuery(filters),
      setFilters: (next: Filters) => navigate(route.page as Page, withFilters(route.query, next)),
    };
  }, [route, signedIn, navigate]);
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function FiltersBar(props: {
  /** false: the page chooses its own periods (Compare, period against period). */
  period?: boolean;
  /** false: the page chooses its own branches (Compare, branch against branch). */
  branches?: boolean;
}) {
  const { t, language } = useLanguage();
  const signedIn = useSignedIn();
  const { filters, setFilters } = useFilters();
  const today = now();
  const preset = matchingPreset(filters, today);
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  const ownBranch = signedIn.session.user.branchId;

  return (
    <section class="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="visually-hidden">
        {t('filters.heading')}
      </h2>
      <label class="field">
        <span>{t('filters.survey')}</span>
        <select value={filters.survey} onChange={(e) => set({ survey: e.currentTarget.value })}>
          {signedIn.surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {surveyTitle(s, language)}
            </option>
          ))}
        </select>
      </label>

      {props.period === false ? null : (
        <fieldset class="field-group">
          <legend>{t('filters.period')}</legend>
          <select
            aria-label={t('filters.preset')}
            value={preset ?? 'custom'}
            onChange={(e) => {
              const value = e.currentTarget.value as PeriodPreset | 'custom';
              if (value !== 'custom') set(presetPeriod(value, today));
            }}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`filters.presets.${p}`)}
              </option>
            ))}
            <option value="custom">{t('filters.presets.custom')}</option>
          </select>
          <label class="inline-field">
            <span>{t('filters.from')}</span>
            <input
              type="date"
              value={filters.from ?? ''}
              max={filters.to}
              onChange={(e) => set({ from: e.currentTarget.value || undefined })}
            />
          </label>
          <label class="inline-field">
            <span>{t('filters.to')}</span>
            <input
              type="date"
              value={filters.to ?? ''}
              min={filters.from}
              onChange={(e) => set({ to: e.currentTarget.value || undefined })}
            />
          </label>
        </fieldset>
      )}

      {props.branches === false ? null : ownBranch ? (
        <p class="field fixed-branch">
          <span>{t('filters.branch')}</span>
          <strong>{signedIn.branchName(ownBranch)}</strong>
        </p>
      ) : (
        <CheckList
          legend={t('filters.branches')}
          summary={
            filters.branches.length
              ? filters.branches.map(signedIn.branchName).join(', ')
              : t('filters.allBranches')
          }
          items={signedIn.branches.map((b) => ({ value: b.id, label: b.name }))}
          chosen={filters.branches}
          onToggle={(id, on) => set({ branches: toggle(filters.branches, id, on) })}
        />
      )}

      <CheckList
        legend={t('filters.channel')}
        summary={
          filters.channels.length
            ? filters.channels.map((c) => t(`channels.${c}`)).join(', ')
            : t('filters.allChannels')
        }
        items={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        chosen={filters.channels}
        onToggle={(c, on) => set({ channels: toggle(filters.channels, c as Channel, on) })}
      />

      <CheckList
        legend={t('filters.language')}
        summary={
          filters.languages.length
            ? filters.languages.map((l) => LANGUAGE_NAMES[l]).join(', ')
            : t('filters.allLanguages')
        }
        items={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
        chosen={filters.languages}
        onToggle={(l, on) => set({ languages: toggle(filters.languages, l as Language, on) })}
      />

      <label class="field">
        <span>{t('filters.completion')}</span>
        <select
          value={filters.completed === undefined ? 'all' : String(filters.completed)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            set({ completed: v === 'all' ? undefined : v === 'true' });
          }}
        >
          <option value="all">{t('filters.completionAll')}</option>
          <option value="true">{t('filters.completionComplete')}</option>
          <option value="false">{t('filters.completionIncomplete')}</option>
        </select>
      </label>

      <PlaceFilters filters={filters} set={set} />
    </section>
  );
}

/** A disclosure of checkboxes, its summary saying what is chosen. */
export function CheckList(props: {
  legend: string;
  summary: string;
  items: { value: string; label: string; lang?: string }[];
  chosen: readonly string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  return (
    <details class="checklist">
      <summary>
        <span class="checklist-legend">{props.legend}</span>
        <span class="checklist-summary">{props.summary}</span>
      </summary>
      <fieldset>
        <legend class="visually-hidden">{props.legend}</legend>
        {props.items.map((item) => (
          <label key={item.value} class="check">
            <input
              type="checkbox"
              checked={props.chosen.includes(item.value)}
              onChange={(e) => props.onToggle(item.value, e.currentTarget.checked)}
            />
            <span lang={item.lang}>{item.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
