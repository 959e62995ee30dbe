/**
 * Importing a file of responses a kiosk saved when it could not reach the collector (Staff
 * → Save waiting responses to a file): the collector checks the file whole and stores each
 * response through the same ingest as sync, so nothing is counted twice. Shown to every
 * signed-in staff member; the collector lets branch staff import only their own branch's
 * devices' files. Says how many responses had each outcome, or why the file was refused.
 */
import { ApiCallError, api } from '../api';
import { useLanguage } from '../context';
import { errorText } from '../errors';
import { useJsonUpload } from '../use-json-upload';

const OUTCOMES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;

export function ImportResponses(props: { onImported?: () => void }) {
  const { t, f } = useLanguage();
  const { busy, result, error, notJson, submit } = useJsonUpload(
    'responses-file',
    (content) => api.importResponses(content),
    props.onImported,
  );
  const problem = error instanceof ApiCallError ? error.fileProblem : undefined;
  const total = result ? OUTCOMES.reduce((sum, o) => sum + result.counts[o], 0) : 0;

  return (
    <section class="panel" aria-labelledby="imports-heading">
      <h2 id="imports-heading">{t('imports.title')}</h2>
      <p>{t('imports.intro')}</p>
      <form class="inline-form" onSubmit={submit}>
        <label class="inline-field">
          <span>{t('imports.file')}</span>
          <input type="file" name="responses-file" accept=".json,application/json" required />
        </label>
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('imports.importing') : t('imports.import')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result ? (
          <div class="notice" data-testid="import-result">
            <p>{t('imports.done', { count: total })}</p>
            <table class="data compact">
              <caption class="visually-hidden">{t('imports.outcomesCaption')}</caption>
              <tbody>
                {OUTCOMES.map((outcome) => (
                  <tr key={outcome}>
                    <th scope="row">{t(`imports.outcome.${outcome}`)}</th>
                    <td class="num" data-testid={`import-${outcome}`}>
                      {f.integer(result.counts[outcome])}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.refused.length ? (
              <ul class="problems">
                {result.refused.map((r) => (
                  <li key={r.id ?? r.reason}>
                    <code>{r.id ?? '?'}</code> {t(`imports.outcome.${r.outcome}`)}
                    {r.path ? (
                      <>
                        {' '}
                        <code>{r.path}</code>
                      </>
                    ) : null}{' '}
                    {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <div role="alert">
        {notJson ? <p class="status-error">{t('imports.problem.not-json')}</p> : null}
        {error !== undefined ? (
          <p class="status-error">
            {problem ? t(`imports.problem.${problem}`) : errorText(t, error)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
