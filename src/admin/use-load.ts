/**
 * Loads what a screen shows and says where that stands: loading, loaded, or failed with
 * an error the screen translates. A newer load (the filters changed) cancels the older.
 *
 * What was loaded is kept with the key (and attempt) it was loaded for, so the render in
 * which the key changes already says "loading", with the earlier data kept on screen as
 * stale: the load itself starts in an effect, after that render has been painted, and in
 * between the screen would otherwise show the earlier filters' figures as if they were
 * the new ones' (and a person, or a test, waiting for the load to end would see it ended).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

export type Load<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ok'; data: T }
  | { state: 'error'; error: unknown; data?: T };

/** `load` still loading, with the data it had (an error's has none) kept as stale. */
function loading<T>(load: Load<T>): Load<T> {
  return { state: 'loading', ...(load.data ? { data: load.data } : {}) };
}

export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): [Load<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const loadFor = `${attempt} ${key}`;
  const [result, setResult] = useState<{ loadFor: string; load: Load<T> }>({
    loadFor,
    load: { state: 'loading' },
  });
  useEffect(() => {
    const controller = new AbortController();
    // The same key again (back to earlier filters): loading until it is loaded anew.
    setResult((previous) => ({ loadFor, load: loading(previous.load) }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ loadFor, load: { state: 'ok', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ loadFor, load: { state: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [loadFor]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [result.loadFor === loadFor ? result.load : loading(result.load), reload];
}
