/**
 * The walk-away question's time left, as a screen reader hears it: only at the moments
 * remaining-moments.ts chooses, into a LiveRegion inside the dialog (the modal dialog
 * makes the rest of the page inert, and an inert live region is silent). The first is said
 * a moment after the dialog opened: the region must be in the DOM before its text, and the
 * dialog's own title and text, said as it opens, come first.
 */
import { useEffect, useRef } from 'preact/hooks';
import { type LiveMessage, useLiveMessage } from './LiveRegion';
import { isRemainingMoment } from './remaining-moments';

const AFTER_OPEN_MS = 300;

export function useRemainingAnnouncement(
  secondsLeft: number,
  words: (seconds: number) => string,
): LiveMessage | undefined {
  const [message, say] = useLiveMessage();
  const lastSaid = useRef<number | undefined>(undefined);
  const opening = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const text = words(secondsLeft);
  // The opening words are those of when they are said, a moment after it opened.
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    if (!isRemainingMoment(secondsLeft, lastSaid.current)) return;
    const first = lastSaid.current === undefined;
    lastSaid.current = secondsLeft;
    if (first) opening.current = setTimeout(() => say(latest.current), AFTER_OPEN_MS);
    else say(text);
  }, [secondsLeft, text, say]);

  useEffect(() => () => clearTimeout(opening.current), []);
  return message;
}
