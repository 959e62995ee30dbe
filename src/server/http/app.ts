/**
 * The collector's HTTP app: the API under /api/v1 and the PWA around it, on one port.
 * createApp() is the whole app without a listener, so tests drive it with app.request().
 */
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { API_BASE_PATH } from '../../shared/contract/endpoints';
import { readPublicLink } from '../public/links';
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
 * The Preact app has no inline scripts or styles, so everything may come from 'self' only.
 * A page that sets a header of its own keeps it (overwrite: false): the printable poster
 * is one self-contained file whose inline style and script its own stricter policy allows
 * by their hashes.
 */
export const SECURITY_HEADERS = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    // Vite inlines small images as data: URLs.
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
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

  app.route(
    '/',
    posterRoutes({
      lookup: (token) => readPublicLink(resolved.storage, token, resolved.now()),
      survey: storedSurvey(resolved.storage),
      baseUrl: resolved.publicUrl,
    }),
  );
  app.route('/', brandingRoutes(resolved));
  app.route('/', staticRoutes(resolved.staticDir));
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
