/**
 * Keeps the assigned survey's package current: asks with the cached ETag, caches a new
 * package only once it validates, and names the version the device can run now. An
 * invalid package is reported and kept out; the cached or built-in one stays in use.
 */
import { DEVICE_API } from '../../shared/contract/device-api';
import { BUILT_IN_SURVEYS } from '../../surveys';
import { cachedSurvey, cacheSurvey } from '../store';
import { callFailure } from './call-failure';
import { type CollectorDeps, requestCollector } from './http';
import { readReply } from './reply-body';

export interface SurveyRefresh {
  /**
   * unchanged: the cached package is current (304); updated: a new package was cached;
   * invalid: the collector's package failed validation and was not used; unavailable: it
   * could not be fetched now.
   */
  status: 'unchanged' | 'updated' | 'invalid' | 'unavailable';
  /** What was wrong, in English for the log (the validation message names each path). */
  problem?: string;
  /** The assigned survey in the version the device holds; undefined when it holds none. */
  active?: { id: string; version: number };
}

type Fetched = Pick<SurveyRefresh, 'status' | 'problem'>;

async function fetchPackage(deps: CollectorDeps, id: string): Promise<Fetched> {
  const cached = await cachedSurvey(id);
  const outcome = await requestCollector(deps, DEVICE_API.survey, {
    params: { id },
    ...(cached?.etag ? { headers: { 'If-None-Match': cached.etag } } : {}),
  });
  if (outcome.kind === 'reply' && outcome.status === 304 && cached) return { status: 'unchanged' };
  if (outcome.kind !== 'reply' || outcome.status !== 200) {
    const failure = callFailure(outcome);
    return { status: 'unavailable', problem: failure.detail ?? failure.code };
  }
  const parsed = readReply(DEVICE_API.survey, outcome.body);
  if (!parsed.ok) return { status: 'invalid', problem: parsed.message };
  if (parsed.value.id !== id) {
    return { status: 'invalid', problem: `asked for survey "${id}", got "${parsed.value.id}"` };
  }
  await cacheSurvey(parsed.value, outcome.headers.get('ETag') ?? undefined, deps.now());
  return { status: 'updated' };
}

export async function refreshSurvey(
  deps: CollectorDeps,
  assigned: { id: string; version: number },
): Promise<SurveyRefresh> {
  const fetched = await fetchPackage(deps, assigned.id);
  const held =
    (await cachedSurvey(assigned.id))?.package ??
    BUILT_IN_SURVEYS.find((survey) => survey.id === assigned.id);
  return held ? { ...fetched, active: { id: held.id, version: held.version } } : fetched;
}
