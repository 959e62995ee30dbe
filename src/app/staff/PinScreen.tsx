/**
 * The staff PIN on an on-screen keypad: digits 0–9, delete and OK as large buttons, the
 * keyboard's digits, Backspace, Enter and Escape too; what was typed shows as dots. A wrong
 * PIN is announced with the tries left; the fifth locks the keypad (pin-lockout.ts) with a
 * message that says for how long. The check runs on the device (pin-check.ts).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  STAFF_PIN_MAX_DIGITS,
  STAFF_PIN_MIN_DIGITS,
  type StaffPinHash,
} from '../../shared/contract/staff-pin';
import { useLanguage } from '../i18n/context';
import { saveStaffPinLockout } from '../store';
import { staffNow } from './clock';
import { checkStaffPin } from './pin-check';
import {
  afterWrongPin,
  lockedForMs,
  NO_LOCKOUT,
  PIN_ATTEMPTS_PER_LOCKOUT,
  type PinLockout,
} from './pin-lockout';

const TICK_MS = 1000;
const MINUTE_MS = 60_000;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function PinScreen(props: {
  pin: StaffPinHash;
  lockout: PinLockout;
  onOpen: () => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const [digits, setDigits] = useState('');
  const [lockout, setLockout] = useState(props.lockout);
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [now, setNow] = useState(staffNow);
  const lockedMs = lockedForMs(lockout, now);
  const locked = lockedMs > 0;
  const busy = checking || locked;

  // While locked, count down so the message stays true and the keypad opens on time.
  useEffect(() => {
    if (!locked) return;
    const interval = setInterval(() => setNow(staffNow()), TICK_MS);
    return () => clearInterval(interval);
  }, [locked]);

  const type = useCallback((digit: string) => {
    setWrong(false);
    setDigits((typed) => (typed.length < STAFF_PIN_MAX_DIGITS ? typed + digit : typed));
  }, []);
  const erase = useCallback(() => setDigits((typed) => typed.slice(0, -1)), []);

  const submit = async () => {
    if (busy || digits.length < STAFF_PIN_MIN_DIGITS) return;
    setChecking(true);
    const right = await checkStaffPin(digits, props.pin);
    if (right) {
      await saveStaffPinLockout(NO_LOCKOUT);
      props.onOpen();
      return;
    }
    const at = staffNow();
    const next = afterWrongPin(lockout, at);
    // Kept before it is shown: a reload right after must not give the tries back.
    await saveStaffPinLockout(next);
    setLockout(next);
    setNow(at);
    setDigits('');
    setWrong(true);
    setChecking(false);
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // Listening from the moment the keypad is drawn, not once the browser has painted it: a
  // PIN typed as the keypad appears is not lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        props.onCancel();
        return;
      }
      if (busy || event.altKey || event.ctrlKey || event.metaKey) return;
      if (/^[0-9]$/.test(event.key)) {
        event.preventDefault();
        type(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        erase();
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        // On a focused button Enter presses that button instead.
        event.preventDefault();
        void submitRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, type, erase, props.onCancel]);

  const triesLeft = PIN_ATTEMPTS_PER_LOCKOUT - lockout.failures;
  let message: string | undefined;
  if (locked) message = t('staff.pin.locked', { count: Math.ceil(lockedMs / MINUTE_MS) });
  else if (wrong) message = t('staff.pin.wrong', { count: triesLeft });

  return (
    <div class="screen staff pin-screen">
      <header class="top-bar">
        <h1 class="staff-title">{t('staff.pin.title')}</h1>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('staff.close')}
        </button>
      </header>
      <main class="pin-main">
        <p>{t('staff.pin.instructions')}</p>
        <p class="pin-dots">
          <span aria-hidden="true">{'●'.repeat(digits.length) || '\u00a0'}</span>
          <span class="visually-hidden">{t('staff.pin.entered', { count: digits.length })}</span>
        </p>
        <div class="pin-message" role="alert">
          {message && <p class="alert alert-error-inline">{message}</p>}
        </div>
        <p class="visually-hidden" role="status">
          {checking ? t('staff.pin.checking') : ''}
        </p>
        <div class="pin-pad">
          {KEYS.map((digit) => (
            <button
              key={digit}
              type="button"
              class="button pin-key"
              disabled={busy}
              onClick={() => type(digit)}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            class="button pin-key pin-key-word"
            disabled={busy || digits.length === 0}
            onClick={erase}
          >
            {t('staff.pin.delete')}
          </button>
          <button type="button" class="button pin-key" disabled={busy} onClick={() => type('0')}>
            0
          </button>
          <button
            type="button"
            class="button button-primary pin-key pin-key-word"
            disabled={busy || digits.length < STAFF_PIN_MIN_DIGITS}
            onClick={() => void submit()}
          >
            {checking ? t('staff.pin.checking') : t('staff.pin.ok')}
          </button>
        </div>
      </main>
    </div>
  );
}
