/**
 * A survey on screen is held under a Web Lock named after its response, so that another
 * tab of the app (staff opening the status view in a second tab, say) never resumes and
 * writes the same draft. Without the Web Locks API every tab behaves as if alone.
 */
import { useEffect } from 'preact/hooks';

function lockName(responseId: string): string {
  return `library-survey-draft:${responseId}`;
}

/** Holds the lock of the response while `responseId` is set. */
export function useDraftLock(responseId: string | null): void {
  useEffect(() => {
    if (!responseId || typeof navigator === 'undefined' || !navigator.locks) return;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    navigator.locks.request(lockName(responseId), () => released).catch(() => undefined);
    return () => release();
  }, [responseId]);
}

/** Whether a tab holds the response's survey on screen now. */
export async function draftHeldElsewhere(responseId: string): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.locks?.query) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name === lockName(responseId));
}
