/**
 * A polite live region for words only a screen reader needs. It is rendered empty with the
 * screen it belongs to and only its text changes afterwards: a region inserted together
 * with its text is not announced reliably (NVDA and VoiceOver often miss it), one that was
 * already there is. Each message carries a number, and a new number puts a new text node
 * in, so the same words are announced again (the same position after Back from the last
 * screen, the same reminder after a second empty Next) instead of being taken for no change.
 */
import { useCallback, useState } from 'preact/hooks';

export interface LiveMessage {
  /** Counts the messages: a new one replaces the text node even when the words are equal. */
  n: number;
  text: string;
}

export function LiveRegion(props: { message: LiveMessage | undefined }) {
  const { message } = props;
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true">
      {message && <span key={message.n}>{message.text}</span>}
    </div>
  );
}

/** The message a LiveRegion shows, and `say` to replace it (announced even when equal). */
export function useLiveMessage(): [LiveMessage | undefined, (text: string) => void] {
  const [message, setMessage] = useState<LiveMessage | undefined>(undefined);
  const say = useCallback((text: string) => {
    setMessage((last) => ({ n: (last?.n ?? 0) + 1, text }));
  }, []);
  return [message, say];
}
