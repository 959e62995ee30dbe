/**
 * GET /surveys/:id and /surveys/:id/versions/:version (API.survey, API.surveyVersion):
 * survey packages, public (phones on the QR channel fetch them too). A strong ETag of the
 * content lets devices revalidate with If-None-Match and get 304 when nothing changed.
 */
import { type Context, Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { SurveyIdSchema } from '../../../shared/contract/ids';
import { safeParseInput } from '../../../shared/contract/parse';
import { findSurveyPackage, MAX_SURVEY_VERSION, type StoredSurveyPackage } from '../../storage';
import type { ResolvedDeps } from '../deps';
import { badRequest, notFound } from '../errors';

/** Whether If-None-Match names this ETag; weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}

function packageReply(c: Context, pkg: StoredSurveyPackage): Response {
  const etag = `"${pkg.etag}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'no-cache');
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  const body: ReplyBody<typeof API.survey> = { ...pkg.structure, translations: pkg.translations };
  return c.json(body);
}

function surveyId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!safeParseInput(SurveyIdSchema, id).success)
    throw notFound(`there is no survey "${id.slice(0, 60)}"`);
  return id;
}

export function surveyRoutes({ storage }: ResolvedDeps): Hono {
  return new Hono()
    .on(API.survey.method, API.survey.path, async (c) => {
      const id = surveyId(c);
      const pkg = await findSurveyPackage(storage, id);
      if (!pkg) throw notFound(`there is no survey "${id}"`);
      return packageReply(c, pkg);
    })
    .on(API.surveyVersion.method, API.surveyVersion.path, async (c) => {
      const id = surveyId(c);
      const param = c.req.param('version');
      if (!/^[1-9][0-9]{0,15}$/.test(param)) {
        throw badRequest('version: should be a whole number from 1', 'version');
      }
      const version = Number(param);
      const pkg =
        version <= MAX_SURVEY_VERSION ? await findSurveyPackage(storage, id, version) : undefined;
      if (!pkg) throw notFound(`survey "${id}" has no version ${param}`);
      return packageReply(c, pkg);
    });
}
