/**
 * A patron's access settings on the kiosk: the text size (100, 150 or 200%) and high
 * contrast. The kiosk is closed to a patron's own zoom and screen reader, so it offers its
 * own. They are set on `<html>` as `data-text-size` and `data-contrast`, which the styles
 * (`access.css`, the root font size in `styles.css`) read; everything is sized in rem/em,
 * so the whole survey grows with the root font size.
 *
 * Like the language, the settings belong to one patron: they go back to normal whenever
 * the kiosk returns to its welcome screen for the next one (after thanks, after a walk-away,
 * after the quiet return from a welcome screen a patron left).
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';

export const TEXT_SIZES = [100, 150, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface AccessSettings {
  /** Percent of the kiosk's normal text size. */
  textSize: TextSize;
  highContrast: boolean;
}

export const NORMAL_ACCESS: AccessSettings = { textSize: 100, highContrast: false };

export function isNormalAccess(settings: AccessSettings): boolean {
  return settings.textSize === NORMAL_ACCESS.textSize && !settings.highContrast;
}

/** Sets (or, for normal, removes) the attributes the styles read. */
export function applyAccess(root: HTMLElement, settings: AccessSettings): void {
  if (settings.textSize === 100) root.removeAttribute('data-text-size');
  else root.setAttribute('data-text-size', String(settings.textSize));
  if (settings.highContrast) root.setAttribute('data-contrast', 'high');
  else root.removeAttribute('data-contrast');
}

export interface AccessState {
  settings: AccessSettings;
  change: (next: Partial<AccessSettings>) => void;
  /** Back to normal, for the next patron. */
  reset: () => void;
}

/** The settings, applied to the document before the browser paints, and removed on unmount. */
export function useAccessSettings(): AccessState {
  const [settings, setSettings] = useState<AccessSettings>(NORMAL_ACCESS);
  useLayoutEffect(() => {
    applyAccess(document.documentElement, settings);
  }, [settings]);
  useLayoutEffect(() => () => applyAccess(document.documentElement, NORMAL_ACCESS), []);
  const change = useCallback(
    (next: Partial<AccessSettings>) => setSettings((current) => ({ ...current, ...next })),
    [],
  );
  const reset = useCallback(() => setSettings(NORMAL_ACCESS), []);
  return { settings, change, reset };
}
