/**
 * What keeps a patron on the kiosk's screens: no long-press menu, no dragging images or
 * text out, no link that leaves the app. Text selection, callouts and pull-to-refresh are
 * off in styles.css under `html.kiosk-locked`. A free-text field keeps its own menu, so a
 * patron can still select, correct and paste what they typed. Kiosk mode only: a visitor's
 * phone is theirs.
 */

/** Whether the event's target is a field a patron types in. */
function isEditable(target: EventTarget | null): boolean {
  const element = target as (Element & { isContentEditable?: boolean }) | null;
  if (!element || typeof element.closest !== 'function') return false;
  if (element.isContentEditable) return true;
  return (
    element.closest(
      'textarea, input:not([type=button]):not([type=submit]):not([type=checkbox]):not([type=radio])',
    ) !== null
  );
}

/** Installs the guards on a document; returns the function that takes them off. */
export function installKioskGuards(document: Document): () => void {
  const root = document.documentElement;
  root.classList.add('kiosk-locked');
  const onContextMenu = (event: Event) => {
    if (!isEditable(event.target)) event.preventDefault();
  };
  const onDragStart = (event: Event) => {
    if (!isEditable(event.target)) event.preventDefault();
  };
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && link.origin !== document.location.origin) event.preventDefault();
  };
  document.addEventListener('contextmenu', onContextMenu);
  document.addEventListener('dragstart', onDragStart);
  document.addEventListener('click', onClick, true);
  return () => {
    root.classList.remove('kiosk-locked');
    document.removeEventListener('contextmenu', onContextMenu);
    document.removeEventListener('dragstart', onDragStart);
    document.removeEventListener('click', onClick, true);
  };
}
