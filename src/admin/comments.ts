/**
 * The comments page's own parameters beside the filters, kept in the URL like them: the
 * words searched (q), the tag, the question the comments answer, the page. From the
 * Questions page, a question's comments open with its id as `question`.
 */
import { routeHash } from './route';

export interface CommentsView {
  q: string;
  tag: string;
  /** A question id: only its text answers or its "other" texts; '' for every question. */
  question: string;
  page: number;
}

export function readCommentsView(query: URLSearchParams): CommentsView {
  return {
    q: query.get('q') ?? '',
    tag: query.get('tag') ?? '',
    question: query.get('question') ?? '',
    page: Math.max(1, Math.floor(Number(query.get('page'))) || 1),
  };
}

/** GET /results/comment-tags: the filters and the question. */
export function commentTagsQuery(filters: URLSearchParams, view: CommentsView): URLSearchParams {
  const query = new URLSearchParams(filters);
  if (view.question) query.set('question', view.question);
  return query;
}

/** GET /results/comments: the filters, the question, the words, the tag and the page. */
export function commentsQuery(filters: URLSearchParams, view: CommentsView): URLSearchParams {
  const query = commentTagsQuery(filters, view);
  if (view.q) query.set('q', view.q);
  if (view.tag) query.set('tag', view.tag);
  query.set('page', String(view.page));
  return query;
}

/** The link to one question's comments, with the page's filters. */
export function questionCommentsHref(filters: URLSearchParams, questionId: string): string {
  const query = new URLSearchParams(filters);
  query.set('question', questionId);
  return routeHash('comments', query);
}
