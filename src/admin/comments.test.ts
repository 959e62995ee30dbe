import { describe, expect, it } from 'vitest';
import {
  commentsQuery,
  commentTagsQuery,
  questionCommentsHref,
  readCommentsView,
} from './comments';
import { parseRoute } from './route';

const filters = new URLSearchParams('survey=lsq&branch=east');

describe("the comments page's own parameters", () => {
  it('links a question to its comments, with the filters', () => {
    const href = questionCommentsHref(filters, 'todays-visit');
    expect(href).toBe('#/comments?survey=lsq&branch=east&question=todays-visit');
    const route = parseRoute(href);
    expect(route.page).toBe('comments');
    expect(readCommentsView(route.query)).toEqual({
      q: '',
      tag: '',
      question: 'todays-visit',
      page: 1,
    });
  });

  it('asks for one question’s comments and tag counts, or every question’s', () => {
    const view = readCommentsView(
      new URLSearchParams('survey=lsq&question=one-improvement&q=hours&tag=wifi&page=2'),
    );
    expect(commentsQuery(filters, view).toString()).toBe(
      'survey=lsq&branch=east&question=one-improvement&q=hours&tag=wifi&page=2',
    );
    expect(commentTagsQuery(filters, view).toString()).toBe(
      'survey=lsq&branch=east&question=one-improvement',
    );
    const every = { ...view, question: '' };
    expect(commentsQuery(filters, every).get('question')).toBeNull();
    expect(commentTagsQuery(filters, every).toString()).toBe(filters.toString());
  });

  it('reads a page that is not a page as the first', () => {
    for (const page of ['', '0', '-3', 'two'])
      expect(readCommentsView(new URLSearchParams({ page })).page).toBe(1);
    expect(readCommentsView(new URLSearchParams({ page: '2.5' })).page).toBe(2);
  });
});
