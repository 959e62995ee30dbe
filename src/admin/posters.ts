/**
 * What the posters page works out: the poster's address in a size, the reader's language
 * printed first, the survey a new link gets unless staff choose another, the earliest end
 * day the date field offers, and the request the form sends.
 */
import type { CreateLinkRequest } from '../shared/contract/admin';
import type { Language } from '../shared/languages';

export type PosterSize = 'a4' | 'a6';

/** The poster of a link in a size, its invitation in the reader's language first. */
export function posterHref(posterPath: string, size: PosterSize, language: Language): string {
  return `${posterPath}?${new URLSearchParams({ size, lang: language })}`;
}

/** The survey a branch's kiosks show: a new link's survey until staff choose another. */
export function branchSurvey(
  branches: readonly { id: string; surveyId: string }[],
  branchId: string,
): string {
  return branches.find((b) => b.id === branchId)?.surveyId ?? '';
}

/**
 * Today on this computer's calendar (YYYY-MM-DD), the earliest end day the date field
 * offers. The collector decides by its own TIME_ZONE and says so if the day has passed.
 */
export function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The form's fields as the collector's request: no end day is a link open until revoked. */
export function createLinkRequest(fields: {
  branchId: string;
  surveyId: string;
  until: string;
}): CreateLinkRequest {
  return {
    branchId: fields.branchId,
    ...(fields.surveyId ? { surveyId: fields.surveyId } : {}),
    until: fields.until.trim() === '' ? null : fields.until.trim(),
  };
}
