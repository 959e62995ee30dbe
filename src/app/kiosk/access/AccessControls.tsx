/**
 * The access-controls bar at the top of every kiosk screen (phone mode too): the text size
 * as a radio group and high contrast as a toggle button. It keeps its own size and place
 * whatever is chosen, so a patron always finds the controls where they were, at the size
 * they could read them, and can undo a choice.
 *
 * `children` is the slot for one more control of the same kind (the read-aloud button):
 * it is rendered inside the bar, after these, and should be a `button` with the class
 * `access-toggle` (and `aria-pressed` when it toggles) to look and size like them.
 */
import type { ComponentChildren } from 'preact';
import { useLanguage } from '../../i18n/context';
import { type AccessSettings, TEXT_SIZES } from './access-settings';
import './access.css';

export function AccessControls(props: {
  settings: AccessSettings;
  onChange: (next: Partial<AccessSettings>) => void;
  /** One more control in the bar (read aloud). */
  children?: ComponentChildren;
}) {
  const { t, language } = useLanguage();
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  const { settings } = props;
  return (
    <aside class="access-bar" aria-label={t('access.bar')}>
      <div class="access-size" role="radiogroup" aria-labelledby="access-size-label">
        <span id="access-size-label" class="access-size-label">
          {t('access.textSize')}
        </span>
        <span class="access-size-options">
          {TEXT_SIZES.map((size) => (
            <label key={size} class="access-size-option">
              <input
                type="radio"
                name="access-text-size"
                value={String(size)}
                checked={settings.textSize === size}
                onChange={() => props.onChange({ textSize: size })}
              />
              <span class="access-size-body">{percent.format(size / 100)}</span>
            </label>
          ))}
        </span>
      </div>
      <button
        type="button"
        class="access-toggle"
        aria-pressed={settings.highContrast}
        onClick={() => props.onChange({ highContrast: !settings.highContrast })}
      >
        <span class="access-check" aria-hidden="true" />
        {t('access.highContrast')}
      </button>
      {props.children}
    </aside>
  );
}
