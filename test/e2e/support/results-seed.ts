/**
 * A small, known set of responses for the librarians' pages, sent the way kiosks send them:
 * a device per branch enrolled with a code from the CLI, then sync batches. Each branch's
 * headline answers are listed here, so a test can work out the figures it expects itself.
 * Every third complete response answered version 1 of the questionnaire (tablets not yet
 * updated), the others version 2: the headline questions are in both.
 */
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AnswerValue } from '../../../src/shared/contract/answer';
import { apiPath, ENDPOINTS } from '../../../src/shared/contract/endpoints';
import type { SurveyResponse } from '../../../src/shared/contract/response';
import type { Language } from '../../../src/shared/languages';
import { DEFAULT_SURVEY_ID } from '../../../src/surveys';
import { patronAnswers, patronAnswersV1 } from './answers';
import type { RunningCollector } from './collector';

export interface SeedBranch {
  id: string;
  name: string;
  language: Language;
  /** overall-satisfaction (1–5) of each complete response, in order. */
  ratings: number[];
  /** recommend (0–10) of each complete response, in order. */
  recommend: number[];
  /** Responses left after the second question. */
  incomplete: number;
  /** What the first complete response wrote as its improvement, when not the usual text. */
  comment?: string;
}

/** Three branches: two with enough answers to show, one with too few. */
export const SEED_BRANCHES: readonly SeedBranch[] = [
  {
    id: 'east',
    name: 'East library',
    language: 'hu',
    ratings: [5, 5, 4, 4, 4, 3, 5, 2, 4, 5, 4, 3],
    recommend: [10, 9, 9, 8, 7, 6, 10, 3, 9, 10, 8, 5],
    incomplete: 2,
    comment: '=HYPERLINK("http://evil.example","click") <img src=x onerror="alert(1)">',
  },
  {
    id: 'west',
    name: 'West library',
    language: 'ru',
    ratings: [3, 4, 2, 5, 3, 4, 3, 1],
    recommend: [6, 8, 4, 9, 7, 7, 5, 2],
    incomplete: 1,
  },
  {
    id: 'north',
    name: 'North library',
    language: 'lt',
    ratings: [5, 4, 5],
    recommend: [10, 9, 10],
    incomplete: 0,
  },
];

/** Every seeded response was answered on a day of March 2026 (collector time zone UTC). */
export const SEED_PERIOD = { from: '2026-03-01', to: '2026-03-31' } as const;

/** Whether the branch's complete response of this index answered version 1. */
export const answeredVersionOne = (index: number) => index % 3 === 2;

function completeResponse(branch: SeedBranch, index: number, deviceId: string): SurveyResponse {
  const versionOne = answeredVersionOne(index);
  const answers: Record<string, AnswerValue> = {
    ...(versionOne ? patronAnswersV1 : patronAnswers)(branch.language),
    'overall-satisfaction': branch.ratings[index] ?? 3,
    recommend: branch.recommend[index] ?? 7,
  };
  if (index === 0 && branch.comment) answers['one-improvement'] = branch.comment;
  const day = String(1 + (index % 28)).padStart(2, '0');
  return {
    id: uuidv7(),
    surveyId: DEFAULT_SURVEY_ID,
    surveyVersion: versionOne ? 1 : 2,
    locale: branch.language,
    channel: 'kiosk',
    deviceId,
    deviceSeq: index + 1,
    branchId: branch.id,
    startedAt: `2026-03-${day}T10:00:00.000Z`,
    submittedAt: `2026-03-${day}T10:04:00.000Z`,
    completed: true,
    answers,
  };
}

function incompleteResponse(branch: SeedBranch, index: number, deviceId: string): SurveyResponse {
  return {
    ...completeResponse(branch, 0, deviceId),
    id: uuidv7(),
    deviceSeq: 1000 + index,
    completed: false,
    answers: { 'visit-frequency': 'monthly', 'todays-visit': { selected: ['event'] } },
  };
}

/** Adds the branches, enrolls a device in each and sends its responses; returns them all. */
export async function seedResults(collector: RunningCollector): Promise<SurveyResponse[]> {
  const all: SurveyResponse[] = [];
  for (const branch of SEED_BRANCHES) {
    await collector.cli(['branch', 'add', branch.id, branch.name]);
    const printed = await collector.cli(['code', 'create', '--branch', branch.id]);
    const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(printed)?.[1];
    if (!code) throw new Error(`no enrollment code in:\n${printed}`);
    const deviceId = randomUUID();
    const enrolled = await fetch(`${collector.url}${apiPath(ENDPOINTS.enroll)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId, deviceName: `${branch.name} kiosk` }),
    });
    if (!enrolled.ok) throw new Error(`enrolling in ${branch.id}: ${await enrolled.text()}`);
    const { token } = (await enrolled.json()) as { token: string };

    const responses = [
      ...branch.ratings.map((_, i) => completeResponse(branch, i, deviceId)),
      ...Array.from({ length: branch.incomplete }, (_, i) =>
        incompleteResponse(branch, i, deviceId),
      ),
    ];
    const sent = await fetch(`${collector.url}${apiPath(ENDPOINTS.responses)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ responses, clockOffsetMs: 0 }),
    });
    const reply = (await sent.json()) as { results: { outcome: string; reason?: string }[] };
    const refused = reply.results.filter((r) => r.outcome !== 'accepted');
    if (!sent.ok || refused.length > 0) {
      throw new Error(`sending ${branch.id}'s responses: ${JSON.stringify(reply)}`);
    }
    all.push(...responses);
  }
  return all;
}

/** The mean of a list, as a test's own reckoning of what the pages should show. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Net Promoter Score on −100…100 of 0–10 answers. */
export function netPromoterScore(values: readonly number[]): number {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return (100 * (promoters - detractors)) / values.length;
}
