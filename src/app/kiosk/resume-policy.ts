/**
 * What a start does with the drafts it finds on the device: resume one where it was left,
 * close the others as incomplete, or leave them to the tab that shows them. The policy is
 * a pure function of the drafts; `startingState` applies it against the store.
 */
import type { KioskOptions } from '../../shared/contract/device';
import type { SurveyStructure } from '../../shared/contract/survey-package';
import { closeDraft, type DeviceResponse, openDrafts } from '../store';
import { draftHeldElsewhere } from './draft-lock';
import { type KioskState, resumed, welcome } from './session';

/** What the policy needs to know about one draft. */
export interface DraftFacts {
  id: string;
  surveyId: string;
  surveyVersion: number;
  /** ms since the epoch of its last write */
  updatedAt: number;
  /** Another tab shows this survey now (it holds the draft's lock). */
  heldElsewhere: boolean;
}

/**
 * - resume: the page was reloaded or crashed mid-survey; the patron may still be there.
 * - held-elsewhere: another tab shows it to its patron, however long ago it was written
 *   (a slow patron keeps touching the screen without answering); that tab's own walk-away
 *   closes it, and this tab starts on the welcome screen.
 * - close-stale: left longer than a patron could still be there; kept as incomplete.
 * - close-other-survey: made for a survey or version this kiosk no longer shows, so it
 *   cannot be resumed; kept as incomplete.
 * - not-newest: a fresher draft of this tab's survey is the one resumed; this one is
 *   closed once it goes stale.
 */
export type DraftFate =
  | 'resume'
  | 'held-elsewhere'
  | 'close-stale'
  | 'close-other-survey'
  | 'not-newest';

export interface ResumeContext {
  survey: { id: string; version: number };
  /** ms since the epoch */
  now: number;
  /** The idle time plus the warning: longer than that, nobody is at the kiosk any more. */
  maxIdleMs: number;
}

/**
 * The fate of every draft: a draft another tab holds is that tab's; of the others, only the
 * most recently written fresh one of the survey on screen may be resumed.
 */
export function draftFates(
  drafts: readonly DraftFacts[],
  { survey, now, maxIdleMs }: ResumeContext,
): { id: string; fate: DraftFate }[] {
  const stale = (draft: DraftFacts) => now - draft.updatedAt > maxIdleMs;
  const otherSurvey = (draft: DraftFacts) =>
    draft.surveyId !== survey.id || draft.surveyVersion !== survey.version;
  let newest: DraftFacts | undefined;
  for (const draft of drafts) {
    if (draft.heldElsewhere || stale(draft) || otherSurvey(draft)) continue;
    if (!newest || draft.updatedAt > newest.updatedAt) newest = draft;
  }
  const fateOf = (draft: DraftFacts): DraftFate => {
    if (draft.heldElsewhere) return 'held-elsewhere';
    if (stale(draft)) return 'close-stale';
    if (otherSurvey(draft)) return 'close-other-survey';
    return draft === newest ? 'resume' : 'not-newest';
  };
  return drafts.map((draft) => ({ id: draft.id, fate: fateOf(draft) }));
}

/**
 * The kiosk's first state: the draft the policy resumes, or the welcome screen in the
 * default language. Drafts the policy closes are queued as incomplete responses first.
 */
export async function startingState(options: {
  survey: SurveyStructure;
  kioskOptions: Pick<KioskOptions, 'idleTimeoutSeconds' | 'idleWarningSeconds' | 'defaultLocale'>;
  now?: Date;
  heldElsewhere?: (responseId: string) => Promise<boolean>;
  /** Which drafts are this page's to resume or close (a phone: its link's); all by default. */
  owns?: (draft: DeviceResponse) => boolean;
}): Promise<KioskState> {
  const { survey, kioskOptions, now = new Date(), heldElsewhere = draftHeldElsewhere } = options;
  const { owns = () => true } = options;
  const drafts = (await openDrafts()).filter(owns);
  const facts = await Promise.all(
    drafts.map(async (draft) => ({ ...draft, heldElsewhere: await heldElsewhere(draft.id) })),
  );
  const fates = draftFates(facts, {
    survey,
    now: now.getTime(),
    maxIdleMs: (kioskOptions.idleTimeoutSeconds + kioskOptions.idleWarningSeconds) * 1000,
  });
  let resume: (typeof drafts)[number] | undefined;
  for (const [index, { id, fate }] of fates.entries()) {
    if (fate === 'resume') resume = drafts[index];
    else if (fate === 'close-stale' || fate === 'close-other-survey') {
      // The running survey says which answers are free texts to mask, when the draft was
      // made under it; otherwise closeDraft masks every string that is not an option id.
      const draft = drafts[index];
      const sameSurvey = draft?.surveyId === survey.id && draft.surveyVersion === survey.version;
      await closeDraft(id, now, sameSurvey ? survey.questions : undefined);
    }
  }
  return resume ? resumed(survey.questions, resume) : welcome(kioskOptions.defaultLocale);
}
