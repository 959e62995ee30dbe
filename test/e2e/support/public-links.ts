/**
 * The collector's public-link endpoints as a phone sees them, answered inside the browser
 * context, for the phone-mode tests that run before the collector has them: the link's
 * page (the app's index.html, taken from the real collector), the link's state, the survey
 * package and the public batch endpoint, which takes each response once, as the real one
 * does. The network switch of `goOffline()` still cuts all of it: it is registered later,
 * and Playwright runs the route registered last first.
 */
import type { BrowserContext, Route } from 'playwright-core';
import { apiPath, ENDPOINTS } from '../../../src/shared/contract/endpoints';
import { publicLinkPath } from '../../../src/shared/contract/public-link';
import type { SurveyResponse } from '../../../src/shared/contract/response';
import type { SurveyPackage } from '../../../src/shared/contract/survey-package';

export interface FakeLink {
  token: string;
  branch: { id: string; name: string };
  state: 'open' | 'closed';
}

export class FakePublicApi {
  /** Every record the batch endpoint took, with the token it came with. */
  readonly received: { token: string; record: SurveyResponse }[] = [];
  readonly links = new Map<string, FakeLink>();

  constructor(
    private readonly collectorUrl: string,
    private readonly survey: SurveyPackage,
  ) {}

  link(link: FakeLink): this {
    this.links.set(link.token, link);
    return this;
  }

  /** Closes a link: its state reads closed, and its batches are refused as the collector does. */
  close(token: string): void {
    const link = this.links.get(token);
    if (link) link.state = 'closed';
  }

  async install(context: BrowserContext): Promise<void> {
    const origin = new URL(this.collectorUrl).origin;
    await context.route(`${origin}/s/*`, async (route) => {
      const page = await route.fetch({ url: `${origin}/` });
      await route.fulfill({ response: page });
    });
    const linkPrefix = `${origin}${apiPath(ENDPOINTS.publicLink, { token: '' })}`;
    await context.route(`${linkPrefix}*`, (route) =>
      this.answerLink(route, route.request().url().slice(linkPrefix.length)),
    );
    const surveyUrl = `${origin}${apiPath(ENDPOINTS.surveyVersion, {
      id: this.survey.id,
      version: String(this.survey.version),
    })}`;
    await context.route(surveyUrl, (route) => json(route, 200, this.survey));
    await context.route(`${origin}${apiPath(ENDPOINTS.publicResponses)}`, (route) =>
      this.answerBatch(route),
    );
  }

  private answerLink(route: Route, token: string) {
    const link = this.links.get(token);
    if (!link) return json(route, 404, { error: { code: 'not-found', message: 'No such link.' } });
    return json(route, 200, {
      token,
      branch: link.branch,
      survey: { id: this.survey.id, version: this.survey.version },
      state: link.state,
      ...(link.state === 'closed' ? { closedReason: 'revoked' } : {}),
      until: null,
      serverTime: new Date().toISOString(),
    });
  }

  private answerBatch(route: Route) {
    const token = /^Bearer (.+)$/.exec(route.request().headers().authorization ?? '')?.[1] ?? '';
    const link = this.links.get(token);
    if (link?.state !== 'open') {
      return json(route, 403, { error: { code: 'link-closed', message: 'This link is closed.' } });
    }
    const { responses } = route.request().postDataJSON() as { responses: SurveyResponse[] };
    const results = responses.map((record) => {
      const known = this.received.some((r) => r.record.id === record.id);
      if (!known) this.received.push({ token, record });
      return { id: record.id, outcome: known ? 'duplicate' : 'accepted' };
    });
    return json(route, 200, { serverTime: new Date().toISOString(), results });
  }
}

function json(route: Route, status: number, body: unknown) {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

/** The address a phone opens for a link. */
export function linkUrl(collectorUrl: string, token: string): string {
  return new URL(publicLinkPath(token), collectorUrl).toString();
}

/** The link token in what `link create` printed. */
export function tokenIn(output: string): string {
  // A token may start or end with '-', where \b finds no word boundary.
  const token = /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/.exec(output)?.[1];
  if (!token) throw new Error(`no link token in:\n${output}`);
  return token;
}
