/**
 * The surveys with their versions and response counts; for administrators, importing a
 * package file (every problem the collector finds is listed with its path in the package)
 * and choosing the survey each branch's kiosks show.
 */
import { useState } from 'preact/hooks';
import { ApiCallError, api } from '../api';
import { BranchLookForm } from '../components/BranchLookForm';
import { surveyTitle, useSurveyTitles } from '../components/survey-title';
import { type Branch, useLanguage, useSignedIn } from '../context';
import { errorText } from '../errors';
import { useJsonUpload } from '../use-json-upload';

export function SurveysPage() {
  const { t, f, language } = useLanguage();
  const { surveys, isAdmin, branches, branchName, refresh } = useSignedIn();
  useSurveyTitles(surveys);

  return (
    <>
      <h1 tabIndex={-1}>{t('surveys.title')}</h1>
      {surveys.map((survey) => (
        <section key={survey.id} class="panel" aria-labelledby={`survey-${survey.id}`}>
          <h2 id={`survey-${survey.id}`}>
            {surveyTitle(survey, language)} <code class="muted small">{survey.id}</code>
          </h2>
          <p>
            {survey.branches.length
              ? t('surveys.shownAt', { branches: survey.branches.map(branchName).join(', ') })
              : t('surveys.shownNowhere')}
          </p>
          <table class="data compact">
            <caption>{t('surveys.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.version')}</th>
                <th scope="col">{t('surveys.created')}</th>
                <th scope="col" class="num">
                  {t('figures.responses')}
                </th>
                <th scope="col">{t('surveys.texts')}</th>
              </tr>
            </thead>
            <tbody>
              {survey.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{f.integer(v.version)}</th>
                  <td>{f.dateTime(v.createdAt)}</td>
                  <td class="num">{f.integer(v.responses)}</td>
                  <td>{t(`surveys.textsSource.${v.textsSource}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {isAdmin ? (
        <>
          <ImportForm onImported={refresh} />
          <BranchSurveys branches={branches} onChanged={refresh} />
          <BranchLookForm branches={branches} onChanged={refresh} />
        </>
      ) : null}
    </>
  );
}

function ImportForm(props: { onImported: () => void }) {
  const { t } = useLanguage();
  const { busy, result, error, notJson, submit } = useJsonUpload(
    'package',
    (pkg) => api.importSurvey(pkg),
    props.onImported,
  );
  const problems = error instanceof ApiCallError ? error.problems : [];

  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('surveys.importTitle')}</h2>
      <p>{t('surveys.importIntro')}</p>
      <form class="inline-form" onSubmit={submit}>
        <label class="inline-field">
          <span>{t('surveys.file')}</span>
          <input type="file" name="package" accept=".json,application/json" required />
        </label>
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('surveys.importing') : t('surveys.import')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result ? (
          <p class="notice">
            {t(`surveys.imported.${result.action}`, {
              survey: result.surveyId,
              version: result.version,
            })}
          </p>
        ) : null}
      </div>
      <div role="alert">
        {notJson ? <p class="status-error">{t('surveys.notJson')}</p> : null}
        {error !== undefined ? (
          <div class="status-error">
            <p>
              {problems.length
                ? t('surveys.refused', { count: problems.length })
                : errorText(t, error)}
            </p>
            {problems.length ? (
              <ul class="problems">
                {problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    <code>{p.path || '/'}</code> {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function BranchSurveys(props: { branches: Branch[]; onChanged: () => void }) {
  const { t, language } = useLanguage();
  const { surveys } = useSignedIn();
  const [saving, setSaving] = useState<string>();
  const [message, setMessage] = useState<{ branch: string; error?: unknown }>();

  const choose = (branch: Branch, surveyId: string) => {
    setSaving(branch.id);
    setMessage(undefined);
    api.setBranchSurvey(branch.id, surveyId).then(
      () => {
        setSaving(undefined);
        setMessage({ branch: branch.name });
        props.onChanged();
      },
      (error: unknown) => {
        setSaving(undefined);
        setMessage({ branch: branch.name, error });
      },
    );
  };

  return (
    <section class="panel" aria-labelledby="branch-surveys-heading">
      <h2 id="branch-surveys-heading">{t('surveys.branchesTitle')}</h2>
      <p>{t('surveys.branchesIntro')}</p>
      <table class="data compact">
        <caption class="visually-hidden">{t('surveys.branchesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.branch')}</th>
            <th scope="col">{t('surveys.shows')}</th>
          </tr>
        </thead>
        <tbody>
          {props.branches.map((branch) => (
            <tr key={branch.id}>
              <th scope="row">{branch.name}</th>
              <td>
                <select
                  aria-label={t('surveys.surveyOf', { branch: branch.name })}
                  value={branch.surveyId}
                  disabled={saving === branch.id}
                  onChange={(event) => choose(branch, event.currentTarget.value)}
                >
                  {surveys.map((s) => (
                    <option key={s.id} value={s.id}>
                      {surveyTitle(s, language)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="status" aria-live="polite">
        {message ? (
          message.error !== undefined ? (
            <p class="status-error">{errorText(t, message.error)}</p>
          ) : (
            <p class="notice">{t('surveys.saved', { branch: message.branch })}</p>
          )
        ) : null}
      </div>
    </section>
  );
}
