/**
 * "Are you still there?": a modal dialog with a visible countdown and a large button to go
 * on. The native <dialog> keeps focus inside and the page behind it inert. Opening, it is
 * announced with its title and text (alertdialog, focus on the button); the countdown ticks
 * silently and the time left is said only at a few moments (announce/remaining-moments.ts).
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLanguage } from '../i18n/context';
import { LiveRegion } from './announce/LiveRegion';
import { useRemainingAnnouncement } from './announce/use-remaining-announcement';

export function IdleDialog(props: { secondsLeft: number; onContinue: () => void }) {
  const { t } = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const countdown = (count: number) => t('idle.countdown', { count });
  const said = useRemainingAnnouncement(props.secondsLeft, countdown);

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
      {/* Not live: read when the patron reads the dialog, said aloud only through the region below. */}
      <p class="countdown">{countdown(props.secondsLeft)}</p>
      <LiveRegion message={said} />
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
