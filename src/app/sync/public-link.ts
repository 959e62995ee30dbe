/**
 * What a visitor's phone asks the collector before it shows anything: the public link's
 * state, and the survey package the link collects for. Both are kept in the store as they
 * arrive, so a reload with no signal still shows a survey the phone has opened once.
 * Nothing here throws for a network or collector problem. A phone with nothing stored yet
 * passes a store of its own (phone/boot.tsx) that reads nothing and keeps the writes for
 * once its first screen is up.
 */
import { DEVICE_API } from '../../shared/contract/device-api';
import type { SurveyPackage } from '../../shared/contract/survey-package';
import { type CachedLink, cachedLink, cachedSurvey, cacheLink, cacheSurvey } from '../store';
import { type CollectorDeps, requestCollector } from './http';
import { readReply } from './reply-body';

/**
 * read: the collector answered (open or closed); unknown: no such link (404);
 * unreachable: no answer now, with the link as the phone last read it, if it ever did.
 */
export type LinkRead =
  | { kind: 'read'; link: CachedLink }
  | { kind: 'unknown' }
  | { kind: 'unreachable'; cached: CachedLink | undefined };

/** Where the link and its survey are kept: the device store by default. */
export interface LinkStore {
  cachedLink: typeof cachedLink;
  cacheLink: typeof cacheLink;
  cachedSurvey: typeof cachedSurvey;
  cacheSurvey: typeof cacheSurvey;
}

const DEVICE_STORE: LinkStore = { cachedLink, cacheLink, cachedSurvey, cacheSurvey };

export async function readPublicLink(
  deps: CollectorDeps,
  token: string,
  store: LinkStore = DEVICE_STORE,
): Promise<LinkRead> {
  const outcome = await requestCollector(deps, DEVICE_API.publicLink, { params: { token } });
  if (outcome.kind === 'reply' && outcome.status === 404) return { kind: 'unknown' };
  if (outcome.kind === 'reply' && outcome.status === 200) {
    const reply = readReply(DEVICE_API.publicLink, outcome.body);
    if (reply.ok && reply.value.token === token) {
      const { branch, survey, state } = reply.value;
      const link: CachedLink = { branch, survey, state, fetchedAt: deps.now() };
      await store.cacheLink(token, link);
      return { kind: 'read', link };
    }
  }
  // A captive portal's page, a busy collector, no signal: what the phone knew still holds.
  return { kind: 'unreachable', cached: await store.cachedLink(token) };
}

/**
 * The link's survey in the version it names: the cached package when it is that version,
 * else fetched and cached; undefined when it is neither (offline on a first visit).
 */
export async function linkSurvey(
  deps: CollectorDeps,
  survey: { id: string; version: number },
  store: LinkStore = DEVICE_STORE,
): Promise<SurveyPackage | undefined> {
  const cached = await store.cachedSurvey(survey.id);
  if (cached?.package.version === survey.version) return cached.package;
  const outcome = await requestCollector(deps, DEVICE_API.surveyVersion, {
    params: { id: survey.id, version: String(survey.version) },
  });
  if (outcome.kind !== 'reply' || outcome.status !== 200) return undefined;
  const reply = readReply(DEVICE_API.surveyVersion, outcome.body);
  if (!reply.ok || reply.value.id !== survey.id || reply.value.version !== survey.version) {
    return undefined;
  }
  await store.cacheSurvey(reply.value, outcome.headers.get('ETag') ?? undefined, deps.now());
  return reply.value;
}
