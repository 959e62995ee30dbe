/**
 * What patrons wrote: free-text answers and "other, please say" texts, with the day,
 * branch, language and the response's headline rating; a search, a tag filter with each
 * tag's count, the question they answer (from the Questions page's links, cleared here),
 * paging, and tags to add and remove. A comment is always rendered as text:
 * whatever a patron typed (markup included) shows as typed.
 */
import { useState } from 'preact/hooks';
import { type Comment, MAX_TAG_LENGTH } from '../../shared/contract/results';
import { isLanguage, LANGUAGE_NAMES } from '../../shared/languages';
import { api } from '../api';
import { commentsQuery, commentTagsQuery, readCommentsView } from '../comments';
import { FiltersBar, useFilters } from '../components/FiltersBar';
import { Status } from '../components/Status';
import { useLanguage, useSignedIn } from '../context';
import { errorText } from '../errors';
import { useSurveyTexts } from '../survey-texts';
import { useLoad } from '../use-load';

export function CommentsPage() {
  const { t } = useLanguage();
  const { route, navigate } = useSignedIn();
  const { filters, query } = useFilters();
  const view = readCommentsView(route.query);
  const { q, tag, question, page } = view;
  const listQuery = commentsQuery(query, view);
  const tagsQuery = commentTagsQuery(query, view);
  const [load, reload] = useLoad((signal) => api.comments(listQuery, signal), listQuery.toString());
  const [tags, reloadTags] = useLoad(
    (signal) => api.commentTags(tagsQuery, signal),
    tagsQuery.toString(),
  );
  const texts = useSurveyTexts(filters.survey);
  const [search, setSearch] = useState(q);

  const go = (change: Record<string, string>) => {
    const next = new URLSearchParams(route.query);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    navigate('comments', next);
  };
  const data = load.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <h1 tabIndex={-1}>{t('comments.title')}</h1>
      <FiltersBar />
      {question ? (
        <QuestionFilter
          question={texts.state === 'ok' ? texts.data.question(question) : question}
          onClear={() => go({ question: '', page: '' })}
        />
      ) : null}
      <div class="toolbar">
        <search>
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              go({ q: search.trim(), page: '' });
            }}
          >
            <label class="inline-field">
              <span>{t('comments.search')}</span>
              <input
                type="search"
                value={search}
                maxLength={200}
                onInput={(event) => setSearch(event.currentTarget.value)}
              />
            </label>
            <button type="submit" class="button small">
              {t('comments.searchButton')}
            </button>
          </form>
        </search>
        <label class="inline-field">
          <span>{t('comments.tagFilter')}</span>
          <select
            value={tag}
            onChange={(event) => go({ tag: event.currentTarget.value, page: '' })}
          >
            <option value="">{t('comments.allTags')}</option>
            {tags.data?.tags.map((item) => (
              <option key={item.tag} value={item.tag}>
                {t('comments.tagWithCount', { tag: item.tag, count: item.count })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Status
        loading={load.state === 'loading'}
        error={load.state === 'error' ? load.error : undefined}
        onRetry={reload}
      />
      {data ? (
        <section
          aria-labelledby="comment-list-heading"
          class={load.state === 'loading' ? 'stale' : ''}
        >
          <h2 id="comment-list-heading" class="list-heading">
            {t('comments.count', { count: data.total })}
          </h2>
          {data.comments.length === 0 ? <p class="muted">{t('comments.none')}</p> : null}
          <ol class="comments">
            {data.comments.map((comment) => (
              <CommentItem
                key={`${comment.responseId}/${comment.questionId}`}
                comment={comment}
                question={
                  texts.state === 'ok'
                    ? texts.data.question(comment.questionId)
                    : comment.questionId
                }
                onTagsChanged={() => {
                  reload();
                  reloadTags();
                }}
              />
            ))}
          </ol>
          {pages > 1 ? (
            <nav class="pager" aria-label={t('comments.pages')}>
              <button
                type="button"
                class="button small"
                disabled={page <= 1}
                onClick={() => go({ page: String(page - 1) })}
              >
                {t('comments.previous')}
              </button>
              <span>{t('comments.pageOf', { page, pages })}</span>
              <button
                type="button"
                class="button small"
                disabled={page >= pages}
                onClick={() => go({ page: String(page + 1) })}
              >
                {t('comments.next')}
              </button>
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** The question the comments are limited to, and the way back to every question's. */
export function QuestionFilter(props: { question: string; onClear: () => void }) {
  const { t } = useLanguage();
  return (
    <p class="notice question-filter">
      <span>{t('comments.questionFilter', { question: props.question })}</span>{' '}
      <button type="button" class="button small" onClick={props.onClear}>
        {t('comments.allQuestions')}
      </button>
    </p>
  );
}

export function CommentItem(props: {
  comment: Comment;
  question: string;
  onTagsChanged: () => void;
}) {
  const { t, f } = useLanguage();
  const { branchName } = useSignedIn();
  const { comment } = props;
  const [newTag, setNewTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const change = (work: Promise<void>) => {
    setBusy(true);
    setError(undefined);
    work.then(
      () => {
        setBusy(false);
        setNewTag('');
        props.onTagsChanged();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  const inputId = `tag-${comment.responseId}-${comment.questionId}`;
  return (
    <li class="comment">
      <p class="comment-meta">
        <span>{f.day(comment.day)}</span>
        <span>{branchName(comment.branchId)}</span>
        <span>{isLanguage(comment.locale) ? LANGUAGE_NAMES[comment.locale] : comment.locale}</span>
        <span>{t(`channels.${comment.channel}`)}</span>
        {comment.headlineRating !== null ? (
          <span>{t('comments.rating', { rating: comment.headlineRating })}</span>
        ) : null}
      </p>
      <p class="comment-question muted small">
        {comment.kind === 'other'
          ? t('comments.otherOf', { question: props.question })
          : props.question}
      </p>
      {/* Text only: Preact escapes it; never set as HTML. */}
      <blockquote class="comment-text" lang={comment.locale}>
        {comment.text}
      </blockquote>
      <div class="tags">
        <ul class="tag-list" aria-label={t('comments.tags')}>
          {comment.tags.map((tag) => (
            <li key={tag} class="tag">
              <span>{tag}</span>
              <button
                type="button"
                class="tag-remove"
                disabled={busy}
                aria-label={t('comments.removeTag', { tag })}
                onClick={() =>
                  change(api.untagComment(comment.responseId, comment.questionId, tag))
                }
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const tag = newTag.trim();
            if (tag) change(api.tagComment(comment.responseId, comment.questionId, tag));
          }}
        >
          <label class="visually-hidden" for={inputId}>
            {t('comments.newTag')}
          </label>
          <input
            id={inputId}
            type="text"
            class="tag-input"
            placeholder={t('comments.newTag')}
            maxLength={MAX_TAG_LENGTH}
            value={newTag}
            onInput={(event) => setNewTag(event.currentTarget.value)}
          />
          <button type="submit" class="button small" disabled={busy || !newTag.trim()}>
            {t('comments.addTag')}
          </button>
        </form>
      </div>
      {error !== undefined ? (
        <p class="status-error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </li>
  );
}
