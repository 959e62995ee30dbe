/**
 * Two filters of the results: the places responses were made at (a bookmobile's stops, a
 * building's floors or desks: the place staff chose on the device), listed from the
 * responses within the other filters; and whether to count suspect responses (answers that
 * came implausibly fast), which the results leave out unless asked.
 */
import { api } from '../api';
import { useLanguage } from '../context';
import { type Filters, filterQuery } from '../filters';
import { useLoad } from '../use-load';
import { CheckList } from './FiltersBar';

export function PlaceFilters(props: { filters: Filters; set: (change: Partial<Filters>) => void }) {
  const { t } = useLanguage();
  const { filters, set } = props;
  // The places within the other filters: choosing one does not hide the rest.
  const query = filterQuery({ ...filters, places: [] });
  const [load] = useLoad((signal) => api.places(query, signal), query.toString());
  const listed = load.data?.places.map((p) => p.place) ?? [];
  const places = [...listed, ...filters.places.filter((p) => !listed.includes(p))];

  return (
    <>
      {places.length > 0 && (
        <CheckList
          legend={t('filters.place')}
          summary={filters.places.length ? filters.places.join(', ') : t('filters.placeAll')}
          items={places.map((p) => ({ value: p, label: p }))}
          chosen={filters.places}
          onToggle={(place, on) =>
            set({
              places: on
                ? [...filters.places.filter((p) => p !== place), place]
                : filters.places.filter((p) => p !== place),
            })
          }
        />
      )}
      <label class="check suspect-filter">
        <input
          type="checkbox"
          checked={filters.includeSuspect}
          onChange={(e) => set({ includeSuspect: e.currentTarget.checked })}
        />
        <span>{t('filters.suspectInclude')}</span>
      </label>
    </>
  );
}
