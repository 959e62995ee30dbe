/**
 * The comments page: what patrons wrote (text answers and "other" texts), newest first,
 * searched, filtered like every result and by tag, a page at a time, with their tags; and
 * the tags staff put on them. The scope is applied in SQL: a comment outside it is as if
 * it did not exist, for reading and for tagging alike.
 */
import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import type { Storage } from './database';
import { type ResultsQuery, sliceConditions } from './results';
import { foldForSearch } from './results-fill';
import type { CommentsTable } from './schema';
import type { BranchScope } from './scope';

/** The comments of a slice, or of one question in it. */
export interface CommentFilter extends ResultsQuery {
  /** Only the comments written to this question (its text, or its "other" texts). */
  questionId?: string | undefined;
}

export interface CommentsQuery extends CommentFilter {
  /** Words each comment must contain, case-insensitively. */
  search?: string | undefined;
  tag?: string | undefined;
  /** 1 is the newest page. */
  page: number;
  pageSize: number;
}

export interface StoredComment {
  responseId: string;
  questionId: string;
  kind: 'text' | 'other';
  text: string;
  day: string;
  branchId: string;
  locale: string;
  channel: string;
  headlineRating: number | null;
  tags: string[];
}

function toComment(r: Selectable<CommentsTable>): Omit<StoredComment, 'tags'> {
  return {
    responseId: r.response_id,
    questionId: r.question_id,
    kind: r.kind,
    text: r.text,
    day: r.answered_day,
    branchId: r.branch_id,
    locale: r.locale,
    channel: r.channel,
    headlineRating: r.headline_rating == null ? null : Number(r.headline_rating),
  };
}

/** A LIKE pattern that finds `text` anywhere, its wildcards taken literally (escape \). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The comments filters besides the slice: the period, the question, the words searched, the tag. */
function commentConditions(
  query: CommentFilter & Pick<CommentsQuery, 'search' | 'tag'>,
  scope: BranchScope,
): Expression<SqlBool> {
  const conditions = sliceConditions(query, scope);
  if (query.from) conditions.push(sql`${sql.ref('c.answered_day')} >= ${query.from}`);
  if (query.to) conditions.push(sql`${sql.ref('c.answered_day')} <= ${query.to}`);
  if (query.questionId) conditions.push(sql`${sql.ref('c.question_id')} = ${query.questionId}`);
  for (const word of foldForSearch(query.search ?? '')
    .split(/\s+/)
    .filter(Boolean))
    conditions.push(sql`${sql.ref('c.folded')} like ${containsPattern(word)} escape '\\'`);
  if (query.tag) {
    conditions.push(sql`exists (select 1 from ${sql.table('comment_tags')} as t
      where t.response_id = c.response_id and t.question_id = c.question_id
      and t.tag = ${query.tag})`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** One page of comments, newest first, with the number of all that match. */
export async function commentsPage(
  storage: Storage,
  query: CommentsQuery,
  scope: BranchScope,
): Promise<{ total: number; comments: StoredComment[] }> {
  const where = commentConditions(query, scope);
  const base = storage.db.selectFrom('comments as c').where(where);
  const [{ total = 0 } = {}] = await base
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .execute();
  const rows = await base
    .selectAll()
    .orderBy('c.answered_day', 'desc')
    .orderBy('c.response_id', 'desc')
    .orderBy('c.question_id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const tags = new Map<string, string[]>();
  if (rows.length > 0) {
    const tagRows = await storage.db
      .selectFrom('comment_tags')
      .select(['response_id', 'question_id', 'tag'])
      .where('response_id', 'in', [...new Set(rows.map((r) => r.response_id))])
      .orderBy('tag')
      .execute();
    for (const t of tagRows) {
      const key = `${t.response_id}\0${t.question_id}`;
      tags.set(key, [...(tags.get(key) ?? []), t.tag]);
    }
  }
  return {
    total: Number(total),
    comments: rows.map((r) => ({
      ...toComment(r),
      tags: tags.get(`${r.response_id}\0${r.question_id}`) ?? [],
    })),
  };
}

/** Each tag on the comments within the filter, with how many carry it; most used first. */
export async function commentTagCounts(
  storage: Storage,
  query: CommentFilter,
  scope: BranchScope,
): Promise<{ tag: string; count: number }[]> {
  const rows = await storage.db
    .selectFrom('comment_tags as t')
    .innerJoin('comments as c', (join) =>
      join
        .onRef('c.response_id', '=', 't.response_id')
        .onRef('c.question_id', '=', 't.question_id'),
    )
    .where(commentConditions(query, scope))
    .select(['t.tag', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('t.tag')
    .orderBy('count', 'desc')
    .orderBy('t.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

export interface CommentRef {
  responseId: string;
  questionId: string;
}

/** One comment with its tags, when it exists within the scope. */
export async function findComment(
  storage: Storage,
  ref: CommentRef,
  scope: BranchScope,
): Promise<StoredComment | undefined> {
  let query = storage.db
    .selectFrom('comments')
    .selectAll()
    .where('response_id', '=', ref.responseId)
    .where('question_id', '=', ref.questionId);
  if (scope.kind === 'branch') query = query.where('branch_id', '=', scope.branchId);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const tags = await storage.db
    .selectFrom('comment_tags')
    .select('tag')
    .where('response_id', '=', ref.responseId)
    .where('question_id', '=', ref.questionId)
    .orderBy('tag')
    .execute();
  return { ...toComment(row), tags: tags.map((t) => t.tag) };
}

/** Whether the comment exists within the scope. */
async function commentInScope(
  storage: Storage,
  ref: CommentRef,
  scope: BranchScope,
): Promise<boolean> {
  let query = storage.db
    .selectFrom('comments')
    .select('response_id')
    .where('response_id', '=', ref.responseId)
    .where('question_id', '=', ref.questionId);
  if (scope.kind === 'branch') query = query.where('branch_id', '=', scope.branchId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Tags a comment (a tag it has already is kept as it was); false when no such comment is in scope. */
export async function addCommentTag(
  storage: Storage,
  tag: CommentRef & { tag: string; createdAt: string; createdBy?: string | null },
  scope: BranchScope,
): Promise<boolean> {
  if (!(await commentInScope(storage, tag, scope))) return false;
  await storage.db
    .insertInto('comment_tags')
    .values({
      response_id: tag.responseId,
      question_id: tag.questionId,
      tag: tag.tag,
      created_at: tag.createdAt,
      created_by: tag.createdBy ?? null,
    })
    .onConflict((oc) => oc.columns(['response_id', 'question_id', 'tag']).doNothing())
    .execute();
  return true;
}

/** Takes a tag off a comment; false when no such comment is in scope. */
export async function removeCommentTag(
  storage: Storage,
  tag: CommentRef & { tag: string },
  scope: BranchScope,
): Promise<boolean> {
  if (!(await commentInScope(storage, tag, scope))) return false;
  await storage.db
    .deleteFrom('comment_tags')
    .where('response_id', '=', tag.responseId)
    .where('question_id', '=', tag.questionId)
    .where('tag', '=', tag.tag)
    .execute();
  return true;
}
