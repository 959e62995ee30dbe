/**
 * Asking before something that cannot be undone (revoking a device or a public link): the
 * page says what it is about to do in a modal dialog, and only the dialog's button does it.
 * A failure stays in the dialog, where the staff member is looking, and the dialog stays
 * open so they can try again or cancel.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLanguage } from '../context';
import { errorText } from '../errors';

export interface Confirmation<T> {
  /** What the open dialog asks about; undefined while it is closed. */
  confirming: T | undefined;
  /** Opens the dialog about this item, with no error left from the last time. */
  ask: (item: T) => void;
  dialog: {
    ref: RefObject<HTMLDialogElement | null>;
    busy: boolean;
    error: unknown;
    onConfirm: () => void;
    onClose: () => void;
  };
}

/** The dialog's state: `act` runs on the dialog's button; `done` after it succeeded and the dialog closed. */
export function useConfirmation<T, R>(
  act: (item: T) => Promise<R>,
  done: (result: R) => void,
): Confirmation<T> {
  const [confirming, setConfirming] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);

  const ask = (item: T) => {
    setConfirming(item);
    setError(undefined);
    ref.current?.showModal();
  };
  const onConfirm = () => {
    if (!confirming) return;
    setBusy(true);
    act(confirming).then(
      (result) => {
        setBusy(false);
        ref.current?.close();
        done(result);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  return {
    confirming,
    ask,
    dialog: { ref, busy, error, onConfirm, onClose: () => setConfirming(undefined) },
  };
}

export function ConfirmDialog(props: {
  state: Confirmation<unknown>['dialog'];
  /** The heading's id, which labels the dialog. */
  headingId: string;
  /** The id of the text that says what confirming does, when the dialog has one to name. */
  describedBy?: string;
  title: string;
  cancel: string;
  confirm: string;
  children: ComponentChildren;
}) {
  const { t } = useLanguage();
  const { state } = props;
  return (
    <dialog
      ref={state.ref}
      class="dialog"
      aria-labelledby={props.headingId}
      aria-describedby={props.describedBy}
      onClose={state.onClose}
    >
      <h2 id={props.headingId}>{props.title}</h2>
      {props.children}
      {state.error !== undefined ? (
        <p class="status-error" role="alert">
          {errorText(t, state.error)}
        </p>
      ) : null}
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => state.ref.current?.close()}>
          {props.cancel}
        </button>
        <button
          type="button"
          class="button danger-solid"
          disabled={state.busy}
          onClick={state.onConfirm}
        >
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
