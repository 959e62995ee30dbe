/**
 * A form that uploads a JSON file (a survey package, a kiosk's file of responses): reads
 * the chosen file, says so before anything is sent when its text is not JSON, and keeps the
 * collector's reply or failure for the page to show.
 */
import { useState } from 'preact/hooks';

export interface JsonUpload<Reply> {
  busy: boolean;
  result: Reply | undefined;
  error: unknown;
  /** The file's text is not JSON: nothing was sent. */
  notJson: boolean;
  submit: (event: Event) => Promise<void>;
}

/** `field`: the name of the form's file input; `onDone` runs after a successful upload. */
export function useJsonUpload<Reply>(
  field: string,
  send: (content: unknown) => Promise<Reply>,
  onDone?: () => void,
): JsonUpload<Reply> {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Reply>();
  const [error, setError] = useState<unknown>();
  const [notJson, setNotJson] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem(field) as HTMLInputElement).files?.[0];
    if (!file) return;
    setBusy(true);
    setResult(undefined);
    setError(undefined);
    setNotJson(false);
    let content: unknown;
    try {
      content = JSON.parse(await file.text());
    } catch {
      setBusy(false);
      setNotJson(true);
      return;
    }
    await send(content).then(
      (reply) => {
        setBusy(false);
        setResult(reply);
        form.reset();
        onDone?.();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  return { busy, result, error, notJson, submit };
}
