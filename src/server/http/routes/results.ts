/**
 * The results for librarians: GET /results/summary, /results/overview, /results/places,
 * /results/comments,
 * /results/comment-tags (both for the whole slice or one question), and tagging a comment. Every one stands behind the staff gate and
 * reads within the signed-in person's scope; a branch, survey or comment outside it is
 * answered 404, as if it did not exist.
 */
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { API } from '../../../shared/contract/api';
import { safeParseInput } from '../../../shared/contract/parse';
import {
  COMMENTS_PAGE_SIZE,
  CommentsQuerySchema,
  CommentTagsQuerySchema,
  type ResultsFilter,
  ResultsFilterSchema,
  ResultsOverviewQuerySchema,
  TagRequestSchema,
} from '../../../shared/contract/results';
import { resultsOverview } from '../../results/overview';
import { resultsQuery } from '../../results/query';
import { resultsSummary } from '../../results/summary';
import { surveyQuestions } from '../../results/survey-history';
import {
  addCommentTag,
  commentsPage,
  commentTagCounts,
  findComment,
  placeCounts,
  removeCommentTag,
  type StoredComment,
} from '../../storage';
import type { ResolvedDeps } from '../deps';
import { badRequest, invalidBody, notFound } from '../errors';
import { readJsonBody } from '../json-body';
import { queryValues } from '../query';
import type { StaffAccess } from '../staff-access';

const MAX_TAG_BODY_BYTES = 4 * 1024;

/** The query string read with a schema; 400 naming the first parameter at fault. */
function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = safeParseInput(schema, queryValues(c));
  if (!parsed.success) throw invalidBody(parsed.error, 'the results filters');
  return parsed.data;
}

function commentReply(comment: StoredComment) {
  return { ...comment, channel: comment.channel as 'kiosk' | 'staff' | 'qr' };
}

export function resultsRoutes({ storage, now }: ResolvedDeps, access: StaffAccess): Hono {
  const app = new Hono();

  /**
   * The storage query and the survey's questions of every version (in the latest's
   * structure), with the versions that asked those not asked in all; or 404.
   */
  async function scoped(c: Context, filter: ResultsFilter) {
    const scope = access.scope(c);
    const query = resultsQuery(filter, scope);
    if (!query) throw notFound('no such branch');
    if (query.from && query.to && query.from > query.to)
      throw badRequest('from: should not be after "to"', 'from');
    const survey = await surveyQuestions(storage, filter.survey);
    if (!survey) throw notFound(`no survey ${filter.survey}`);
    return { scope, query, ...survey };
  }

  app.get(API.resultsSummary.path, access.staff, async (c) => {
    const filter = parseQuery(c, ResultsFilterSchema);
    const { scope, query, structure, askedIn } = await scoped(c, filter);
    const unknown = filter.question?.find((id) => !structure.questions.some((q) => q.id === id));
    if (unknown) throw notFound(`no question ${unknown} in survey ${filter.survey}`);
    return c.json(await resultsSummary(storage, structure, query, scope, filter.question, askedIn));
  });

  app.get(API.resultsOverview.path, access.staff, async (c) => {
    const { interval, ...filter } = parseQuery(c, ResultsOverviewQuerySchema);
    // The headline questions are the latest version's, counted in every version that asked them.
    const { scope, query, latest } = await scoped(c, filter);
    return c.json(await resultsOverview(storage, latest, query, scope, interval));
  });

  app.get(API.resultsPlaces.path, access.staff, async (c) => {
    const filter = parseQuery(c, ResultsFilterSchema);
    const { scope, query } = await scoped(c, filter);
    return c.json({ places: await placeCounts(storage, query, scope) });
  });

  app.get(API.comments.path, access.staff, async (c) => {
    const { q, tag, page, question, ...filter } = parseQuery(c, CommentsQuerySchema);
    const { scope, query } = await scoped(c, filter);
    const found = await commentsPage(
      storage,
      { ...query, questionId: question, search: q, tag, page, pageSize: COMMENTS_PAGE_SIZE },
      scope,
    );
    return c.json({
      total: found.total,
      page,
      pageSize: COMMENTS_PAGE_SIZE,
      comments: found.comments.map(commentReply),
    });
  });

  app.get(API.commentTags.path, access.staff, async (c) => {
    const { question, ...filter } = parseQuery(c, CommentTagsQuerySchema);
    const { scope, query } = await scoped(c, filter);
    return c.json({
      tags: await commentTagCounts(storage, { ...query, questionId: question }, scope),
    });
  });

  /** The comment a tag path names; response ids are UUIDs, one id in any case. */
  const commentRef = (c: Context) => ({
    responseId: (c.req.param('responseId') ?? '').toLowerCase(),
    questionId: c.req.param('questionId') ?? '',
  });

  app.post(API.tagComment.path, access.staff, async (c) => {
    const body = safeParseInput(
      TagRequestSchema,
      await readJsonBody(c.req.raw, MAX_TAG_BODY_BYTES),
    );
    if (!body.success) throw invalidBody(body.error, '{ tag }');
    const scope = access.scope(c);
    const ref = commentRef(c);
    const tagged = await addCommentTag(
      storage,
      { ...ref, tag: body.data.tag, createdAt: now().toISOString(), createdBy: access.staffId(c) },
      scope,
    );
    const comment = tagged ? await findComment(storage, ref, scope) : undefined;
    if (!comment) throw notFound('no such comment');
    return c.json(commentReply(comment));
  });

  app.delete(API.untagComment.path, access.staff, async (c) => {
    const scope = access.scope(c);
    const ref = commentRef(c);
    const untagged = await removeCommentTag(storage, { ...ref, tag: c.req.param('tag') }, scope);
    const comment = untagged ? await findComment(storage, ref, scope) : undefined;
    if (!comment) throw notFound('no such comment');
    return c.json(commentReply(comment));
  });

  return app;
}
