/**
 * Thanks, then back to the welcome screen by itself after a few seconds (or at once on
 * Done). On a visitor's phone the thanks stay, and say where the answers are.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLanguage } from '../i18n/context';
import { useResponseStatus } from '../store';

export function ThanksScreen(props: { seconds: number; onDone: () => void }) {
  const { t } = useLanguage();
  const [left, setLeft] = useState(props.seconds);
  const onDone = useRef(props.onDone);
  onDone.current = props.onDone;

  useEffect(() => {
    const started = Date.now();
    const interval = setInterval(() => {
      const remaining = props.seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) {
        clearInterval(interval);
        onDone.current();
      }
    }, 1000);
    return () => clearInterval(interval);
  }, [props.seconds]);

  return (
    <ThanksFrame>
      <p>{t('thanks.body')}</p>
      <p class="muted">{t('thanks.returning', { count: left })}</p>
      <button type="button" class="button button-primary button-large" onClick={props.onDone}>
        {t('thanks.done')}
      </button>
    </ThanksFrame>
  );
}

/**
 * The phone's thank-you: no countdown and no Done (nobody else uses this phone). It tells
 * the truth about the answers as the store sees them: received once the collector
 * acknowledged them; kept on the phone and sent by themselves while the network is away;
 * not received when the link closed before they could be sent.
 */
export function PhoneThanksScreen(props: { responseId: string | undefined }) {
  const { t } = useLanguage();
  const status = useResponseStatus(props.responseId);
  // Gone from the store means pruned after the collector had it.
  const where =
    status === 'quarantined'
      ? t('phone.thanks.closed')
      : status === 'queued'
        ? t('phone.thanks.waiting')
        : status === undefined
          ? ''
          : t('phone.thanks.received');
  return (
    <ThanksFrame>
      <p role="status" aria-live="polite">
        {where}
      </p>
      <p>{t('phone.thanks.body')}</p>
    </ThanksFrame>
  );
}

/**
 * The thank-you both screens share: the heading takes the focus when the screen opens, so
 * a screen reader announces the thanks rather than staying on the Send button just gone.
 */
function ThanksFrame(props: { children: ComponentChildren }) {
  const { t } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => headingRef.current?.focus(), []);
  return (
    <div class="screen thanks">
      <main class="centered">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('thanks.title')}
        </h1>
        {props.children}
      </main>
    </div>
  );
}
