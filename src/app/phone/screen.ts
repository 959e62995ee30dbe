/**
 * What a visitor's phone shows for a public link, decided from what it knows: the link as
 * the collector answered (or as the phone last read it, with no signal), whether this phone
 * answered through it before, and whether the survey itself is at hand.
 */
import type { CachedLink } from '../store';
import type { LinkRead } from '../sync';

/**
 * survey: the link is open and its survey loaded; answered: this phone sent a response
 * through it already; closed: revoked or past its end; invalid: no such link (or not a
 * link at all); unreachable: no signal on a first visit, nothing to show yet.
 */
export type PhoneScreen =
  | { kind: 'survey'; link: CachedLink }
  | { kind: 'answered' | 'closed' | 'invalid' | 'unreachable' };

export function phoneScreen(input: {
  read: LinkRead | undefined;
  answered: boolean;
  surveyLoaded: boolean;
}): PhoneScreen {
  const { read, answered, surveyLoaded } = input;
  if (!read || read.kind === 'unknown') return { kind: 'invalid' };
  const link = read.kind === 'read' ? read.link : read.cached;
  // Answered first: a visitor who answered before the link closed is thanked, not turned away.
  if (answered) return { kind: 'answered' };
  if (!link) return { kind: 'unreachable' };
  if (link.state === 'closed') return { kind: 'closed' };
  return surveyLoaded ? { kind: 'survey', link } : { kind: 'unreachable' };
}
