/**
 * "Are you still there?": a modal dialog with a visible countdown and a large button to go
 * on. The native <dialog> keeps focus inside and the page behind it inert.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLanguage } from '../i18n/context';

export function IdleDialog(props: { secondsLeft: number; onContinue: () => void }) {
  const { t } = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      class="idle-dialog"
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      onCancel={(event) => {
        // Escape means "I am here": continue rather than close without a decision.
        event.preventDefault();
        props.onContinue();
      }}
    >
      <h2 id="idle-title">{t('idle.title')}</h2>
      <p id="idle-body">{t('idle.body')}</p>
      <p class="countdown" aria-live={props.secondsLeft <= 10 ? 'assertive' : 'off'}>
        {t('idle.countdown', { count: props.secondsLeft })}
      </p>
      <button
        type="button"
        class="button button-primary button-large"
        autofocus
        onClick={props.onContinue}
      >
        {t('idle.continue')}
      </button>
    </dialog>
  );
}
