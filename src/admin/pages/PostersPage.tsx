/**
 * QR code posters: the public links visitors open on their own phones, each for one branch
 * and one survey. Everyone reads their branch's links (open or closed and why, the last
 * day, the answers each brought in), opens a link's A4 poster or A6 table tents in a new
 * tab and copies the address phones open. Administrators also make links and revoke them,
 * after a confirmation that says what revoking does to phones and printed posters.
 */
import { useState } from 'preact/hooks';
import type { LinkDetails } from '../../shared/contract/admin';
import { ApiCallError, api } from '../api';
import { now } from '../clock';
import { BranchSelect } from '../components/BranchSelect';
import { ConfirmDialog, useConfirmation } from '../components/ConfirmDialog';
import { Status } from '../components/Status';
import { surveyTitle, useSurveyTitles } from '../components/survey-title';
import { useLanguage, useSignedIn } from '../context';
import { errorText } from '../errors';
import { branchSurvey, createLinkRequest, posterHref, today } from '../posters';
import { useLoad } from '../use-load';

/**
 * What the live region says after an action, kept as a text's key and values so that it
 * follows the reader when they change the language.
 */
interface Notice {
  kind: 'done' | 'failed';
  key: string;
  values: Record<string, string>;
}

export function PostersPage() {
  const { t, f, language } = useLanguage();
  const { isAdmin, surveys } = useSignedIn();
  const [load, reload] = useLoad(() => api.links(), 'links');
  const [notice, setNotice] = useState<Notice>();
  useSurveyTitles(surveys);

  const titleOf = (surveyId: string) => {
    const survey = surveys.find((s) => s.id === surveyId);
    return survey ? surveyTitle(survey, language) : surveyId;
  };
  const address = (link: LinkDetails) => link.phoneUrl;

  const copy = (link: LinkDetails) => {
    const text = address(link);
    const written = navigator.clipboard
      ? navigator.clipboard.writeText(text)
      : Promise.reject(new Error('no clipboard'));
    written.then(
      () => setNotice({ kind: 'done', key: 'posters.copied', values: { address: text } }),
      () => setNotice({ kind: 'failed', key: 'posters.copyFailed', values: { address: text } }),
    );
  };

  const { confirming, ask, dialog } = useConfirmation(
    (link: LinkDetails) => api.revokeLink(link.token),
    (revoked) => {
      setNotice({ kind: 'done', key: 'posters.revoked', values: { branch: revoked.branch.name } });
      reload();
    },
  );

  const links = load.data?.links ?? [];
  const stateText = (link: LinkDetails) =>
    link.state === 'open'
      ? t('posters.open')
      : link.closedReason === 'expired'
        ? t('posters.closedExpired')
        : t('posters.closedRevoked');

  return (
    <>
      <h1 tabIndex={-1}>{t('posters.title')}</h1>
      <p class="lead">{t('posters.intro')}</p>
      {isAdmin ? (
        <CreateForm
          onCreated={(link) => {
            setNotice({
              kind: 'done',
              key: 'posters.created',
              values: { branch: link.branch.name },
            });
            reload();
          }}
          titleOf={titleOf}
        />
      ) : (
        <p>{t('posters.staffNote')}</p>
      )}
      <div role="status" aria-live="polite">
        {notice ? (
          <p class={notice.kind === 'done' ? 'notice' : 'status-error'}>
            {t(notice.key, notice.values)}
          </p>
        ) : null}
      </div>
      <Status
        loading={load.state === 'loading'}
        error={load.state === 'error' ? load.error : undefined}
        onRetry={reload}
      />
      {load.data ? (
        links.length === 0 ? (
          <p>{t('posters.empty')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data">
              <caption>{t('posters.caption', { count: links.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('posters.address')}</th>
                  <th scope="col">{t('posters.branch')}</th>
                  <th scope="col">{t('posters.survey')}</th>
                  <th scope="col">{t('posters.state')}</th>
                  <th scope="col">{t('posters.untilColumn')}</th>
                  <th scope="col" class="num">
                    {t('figures.responses')}
                  </th>
                  <th scope="col">{t('posters.createdColumn')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('posters.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr key={link.token} class={link.state === 'closed' ? 'row-revoked' : ''}>
                    <th scope="row">
                      <code class="link-address">{address(link)}</code>
                    </th>
                    <td>{link.branch.name}</td>
                    <td>{titleOf(link.surveyId)}</td>
                    <td>
                      {link.state === 'open' ? (
                        stateText(link)
                      ) : (
                        <span class="badge">{stateText(link)}</span>
                      )}
                    </td>
                    <td>
                      {link.until ? (
                        <time dateTime={link.until}>{f.dateTime(link.until)}</time>
                      ) : (
                        t('posters.untilRevoked')
                      )}
                    </td>
                    <td class="num">{f.integer(link.responses)}</td>
                    <td>
                      <time dateTime={link.createdAt}>{f.dateTime(link.createdAt)}</time>
                    </td>
                    <td>
                      <div class="row-actions">
                        {link.state === 'open' ? (
                          <>
                            <PosterLink link={link} size="a4" />
                            <PosterLink link={link} size="a6" />
                            <button type="button" class="button small" onClick={() => copy(link)}>
                              {t('posters.copy')}
                              <span class="visually-hidden"> {link.branch.name}</span>
                            </button>
                            {isAdmin ? (
                              <button
                                type="button"
                                class="button small danger"
                                onClick={() => ask(link)}
                              >
                                {t('posters.revoke')}
                                <span class="visually-hidden"> {link.branch.name}</span>
                              </button>
                            ) : null}
                          </>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <ConfirmDialog
        state={dialog}
        headingId="revoke-link-heading"
        describedBy="revoke-link-text"
        title={t('posters.confirmTitle', { branch: confirming?.branch.name ?? '' })}
        cancel={t('posters.cancel')}
        confirm={t('posters.confirmRevoke')}
      >
        <p id="revoke-link-text">{t('posters.confirmText')}</p>
        {confirming ? (
          <p>
            <code class="link-address">{address(confirming)}</code>
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/** A poster in a size, in a new tab so the list stays where it was. */
function PosterLink(props: { link: LinkDetails; size: 'a4' | 'a6' }) {
  const { t, language } = useLanguage();
  const { link, size } = props;
  return (
    <a
      class="button small"
      href={posterHref(link.posterPath, size, language)}
      target="_blank"
      rel="noopener"
    >
      {t(size === 'a4' ? 'posters.posterA4' : 'posters.posterA6')}
      <span class="visually-hidden">
        {' '}
        {link.branch.name} {t('posters.newTab')}
      </span>
    </a>
  );
}

/** Administrators' form: a branch, its survey unless another is chosen, an optional last day. */
function CreateForm(props: {
  onCreated: (link: LinkDetails) => void;
  titleOf: (surveyId: string) => string;
}) {
  const { t } = useLanguage();
  const { branches, surveys } = useSignedIn();
  const [branchId, setBranchId] = useState(branches[0]?.id ?? '');
  const [surveyId, setSurveyId] = useState(branchSurvey(branches, branches[0]?.id ?? ''));
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const chooseBranch = (id: string) => {
    setBranchId(id);
    setSurveyId(branchSurvey(branches, id));
  };
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    api.createLink(createLinkRequest({ branchId, surveyId, until })).then(
      (link) => {
        setBusy(false);
        setUntil('');
        props.onCreated(link);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <section class="panel" aria-labelledby="create-link-heading">
      <h2 id="create-link-heading">{t('posters.createTitle')}</h2>
      <form class="stack" onSubmit={submit}>
        <div class="inline-form">
          <BranchSelect
            id="link-branch"
            name="branch"
            label={t('posters.branch')}
            branches={branches}
            value={branchId}
            required
            onChange={chooseBranch}
          />
          <div class="field">
            <label for="link-survey">{t('posters.survey')}</label>
            <select
              id="link-survey"
              name="survey"
              value={surveyId}
              required
              onChange={(e) => setSurveyId(e.currentTarget.value)}
            >
              {surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {props.titleOf(s.id)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="link-until">{t('posters.until')}</label>
            <input
              type="date"
              id="link-until"
              name="until"
              value={until}
              min={today(now())}
              aria-describedby="until-hint"
              onInput={(e) => setUntil(e.currentTarget.value)}
            />
          </div>
        </div>
        <p id="until-hint" class="hint-below">
          {t('posters.untilHint')}
        </p>
        <div>
          <button type="submit" class="button primary" disabled={busy || !branchId}>
            {busy ? t('posters.creating') : t('posters.create')}
          </button>
        </div>
        <div role="alert">
          {error !== undefined ? (
            <p class="status-error">
              {/* The one refusal the form cannot foresee: the day has ended where the collector is. */}
              {error instanceof ApiCallError &&
              error.code === 'bad-request' &&
              error.path === 'until'
                ? t('posters.untilRefused')
                : errorText(t, error)}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
