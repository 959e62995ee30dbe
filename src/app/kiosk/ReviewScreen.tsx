/** The last screen before submitting: the patron decides to send, or goes back. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useLanguage } from '../i18n/context';

export function ReviewScreen(props: {
  answered: number;
  busy: boolean;
  onSubmit: () => void;
  onBack: () => void;
}) {
  const { t } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A layout effect: the focus moves with the screen, so no key pressed meanwhile lands on
  // a button the focus then leaves.
  useLayoutEffect(() => headingRef.current?.focus(), []);
  return (
    <div class="screen review">
      <main class="centered">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('review.title')}
        </h1>
        <p>{t('review.body', { count: props.answered })}</p>
      </main>
      <nav class="bottom-bar" aria-label={t('question.navigation')}>
        <button
          type="button"
          class="button button-large"
          // While the answers are being queued they can no longer be changed.
          aria-disabled={props.busy}
          onClick={props.busy ? undefined : props.onBack}
        >
          {t('question.back')}
        </button>
        <button
          type="button"
          class="button button-primary button-large"
          // aria-disabled, not disabled: the button keeps focus while the answers are saved.
          aria-disabled={props.busy}
          onClick={props.busy ? undefined : props.onSubmit}
        >
          {t('review.submit')}
        </button>
      </nav>
    </div>
  );
}
