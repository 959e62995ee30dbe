/** Thanks, then back to the welcome screen by itself after a few seconds (or at once on Done). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLanguage } from '../i18n/context';

export function ThanksScreen(props: { seconds: number; onDone: () => void }) {
  const { t } = useLanguage();
  const [left, setLeft] = useState(props.seconds);
  const onDone = useRef(props.onDone);
  onDone.current = props.onDone;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
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
    <div class="screen thanks">
      <main class="centered">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('thanks.title')}
        </h1>
        <p>{t('thanks.body')}</p>
        <p class="muted">{t('thanks.returning', { count: left })}</p>
        <button type="button" class="button button-primary button-large" onClick={props.onDone}>
          {t('thanks.done')}
        </button>
      </main>
    </div>
  );
}
