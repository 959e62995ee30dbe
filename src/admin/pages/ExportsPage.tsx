/**
 * The exports: responses as CSV or a workbook, and the codebook, with the filters of the
 * page and headings in the reader's language. They are links: the browser downloads them
 * with the session cookie.
 */
import { EXPORTS, type ExportKind, exportUrl } from '../api';
import { FiltersBar, useFilters } from '../components/FiltersBar';
import { useLanguage } from '../context';

export function ExportsPage() {
  const { t, language } = useLanguage();
  const { query } = useFilters();
  return (
    <>
      <h1 tabIndex={-1}>{t('exports.title')}</h1>
      <FiltersBar />
      <p class="lead">{t('exports.intro')}</p>
      <ul class="exports">
        {(Object.keys(EXPORTS) as ExportKind[]).map((kind) => (
          <li key={kind} class="panel">
            <h2>{t(`exports.${kind}.title`)}</h2>
            <p>{t(`exports.${kind}.text`)}</p>
            <a class="button primary" href={exportUrl(kind, query, language)} download>
              {t(`exports.${kind}.button`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
