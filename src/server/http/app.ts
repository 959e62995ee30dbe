/**
 * The collector's HTTP app: the API under /api/v1 and the PWA around it, on one port.
 * createApp() is the whole app without a listener, so tests drive it with app.request().
 */
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { API, type ReplyBody } from '../../shared/contract/api';
import { API_BASE_PATH, apiPath } from '../../shared/contract/endpoints';
import { readPublicLink } from '../public/links';
import { findSurveyPackage, timestamp } from '../storage';
import { CONTENT_POLICY } from './content-policy';
import { type AppDeps, resolveDeps } from './deps';
import { ApiProblem, apiErrorBody, notFound, problemReply } from './errors';
import { strictTransport } from './https';
import { adminRoutes } from './routes/admin';
import { branchPinRoutes } from './routes/branch-pin';
import { brandingRoutes } from './routes/branding';
import { deviceConfigRoutes } from './routes/device-config';
import { enrollRoutes } from './routes/enroll';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { linkRoutes } from './routes/links';
import { posterRoutes, storedSurvey } from './routes/posters';
import { publicRoutes } from './routes/public';
import { responsesRoutes } from './routes/responses';
import { resultsRoutes } from './routes/results';
import { schemaRoutes } from './routes/schema';
import { sessionRoutes } from './routes/session';
import { surveyRoutes } from './routes/surveys';
import { sameOriginWrites } from './same-origin';
import { exportGate, exportRows, type StaffAccess } from './staff-access';
import { requireAdmin, requireStaff, type StaffVariables, scopeOf } from './staff-auth';
import { staticRoutes } from './static-app';

export type { AppDeps } from './deps';

/**
 * The app's policy (content-policy.ts): everything from 'self' only. A page that sets a
 * header of its own keeps it (overwrite: false): the printable poster is one self-contained
 * file whose inline style and script its own stricter policy allows by their hashes, and a
 * public link's page adds the hashes of the first screen's inline style and script.
 */
export const SECURITY_HEADERS = secureHeaders({
  // Each directive's sources as a list of its own, as secureHeaders takes them.
  contentSecurityPolicy: Object.fromEntries(
    Object.entries(CONTENT_POLICY).map(([directive, sources]) => [directive, [...sources]]),
  ) as { [Directive in keyof typeof CONTENT_POLICY]: string[] },
  xFrameOptions: 'DENY',
  // Sent by strictTransport(), only when the collector is served over HTTPS.
  strictTransportSecurity: false,
  overwrite: false,
});

export function createApp(deps: AppDeps): Hono {
  const resolved = resolveDeps(deps);
  const app = new Hono();
  app.use(SECURITY_HEADERS);
  app.use(strictTransport(resolved.publicUrl));
  app.use(compress());

  const api = new Hono();
  // API answers are never cached unless a route says otherwise (survey packages revalidate).
  api.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  // Before any route: a change asked for by another site's page never reaches one.
  api.use(sameOriginWrites(resolved));
  api.route('/', healthRoutes(resolved));
  api.route('/', enrollRoutes(resolved));
  api.route('/', deviceConfigRoutes(resolved));
  api.route('/', surveyRoutes(resolved));
  api.route('/', responsesRoutes(resolved));
  api.route('/', publicRoutes(resolved));
  api.route('/', schemaRoutes());
  api.route('/', sessionRoutes(resolved));
  const access: StaffAccess = {
    staff: requireStaff(resolved),
    admin: requireAdmin(resolved),
    scope: (c) => scopeOf((c as Context<{ Variables: StaffVariables }>).get('staff')),
    staffId: (c) => (c as Context<{ Variables: StaffVariables }>).get('staff').userId,
  };
  api.route('/', adminRoutes(resolved, access));
  api.route('/', importRoutes(resolved, access));
  api.route('/', linkRoutes(resolved, access));
  api.route('/', branchPinRoutes(resolved, access));
  api.route('/', resultsRoutes(resolved, access));
  api.route('/', exportRoutes(resolved, exportGate(access), exportRows(resolved.storage)));
  api.all('*', (c) => problemReply(c, notFound(`no API at ${c.req.method} ${c.req.path}`)));
  app.route(API_BASE_PATH, api);
  app.all('/api/*', (c) =>
    problemReply(
      c,
      notFound(`no API at ${c.req.method} ${c.req.path}; this collector speaks ${API_BASE_PATH}`),
    ),
  );

  const survey = storedSurvey(resolved.storage);
  app.route(
    '/',
    posterRoutes({
      lookup: (token) => readPublicLink(resolved.storage, token, resolved.now()),
      survey,
      baseUrl: resolved.publicUrl,
    }),
  );
  app.route('/', brandingRoutes(resolved));
  app.route(
    '/',
    staticRoutes(resolved.staticDir, {
      // A public link's page comes with its first screen: the survey's welcome, or the notice.
      linkScreen: async (token) => {
        const at = resolved.now();
        const link = await readPublicLink(resolved.storage, token, at);
        if (!link) return { kind: 'invalid' };
        // What the phone asks for first, answered in the page as the API would answer it
        // (routes/public.ts, routes/surveys.ts): a round trip each saved on mobile data.
        const linkReply = {
          [apiPath(API.publicLink, { token })]: {
            body: { ...link, serverTime: timestamp(at) } satisfies ReplyBody<typeof API.publicLink>,
          },
        };
        if (link.state === 'closed') return { kind: 'closed', replies: linkReply };
        const { id, version } = link.survey;
        const pkg = await findSurveyPackage(resolved.storage, id, version);
        // Without its package the phone cannot start either; the page goes as built.
        if (!pkg) return undefined;
        const body: ReplyBody<typeof API.surveyVersion> = {
          ...pkg.structure,
          translations: pkg.translations,
        };
        return {
          kind: 'open',
          survey: { title: pkg.structure.title, translations: pkg.translations },
          replies: {
            ...linkReply,
            [apiPath(API.surveyVersion, { id, version: String(version) })]: {
              etag: `"${pkg.etag}"`,
              body,
            },
          },
        };
      },
      logError: resolved.logError,
    }),
  );
  app.notFound((c) => problemReply(c, notFound(`nothing at ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return problemReply(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(apiErrorBody('bad-request', error.message || 'bad request'), error.status);
    }
    resolved.logError(error);
    return c.json(
      apiErrorBody('internal', 'the collector failed; the request can be sent again'),
      500,
    );
  });
  return app;
}
