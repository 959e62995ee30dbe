/**
 * The door to the staff view. An enrolled device whose branch has a staff PIN asks for it
 * (PinScreen) before anything else; a device not yet enrolled has no PIN to check and
 * opens at once, so a new tablet can be enrolled; a device whose branch has no PIN opens
 * too, and the view says a PIN should be set. Once open it stays open until closed, even
 * when a PIN arrives with the configuration meanwhile. Whatever is on screen closes after
 * two minutes without a touch (use-idle-close.ts).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StaffPinHash } from '../../shared/contract/staff-pin';
import type { Language } from '../../shared/languages';
import { LanguageProvider, useLanguage } from '../i18n/context';
import { staffPinFacts } from '../store';
import { PinScreen } from './PinScreen';
import { isUsablePinHash } from './pin-check';
import { type PinLockout, readPinLockout } from './pin-lockout';
import { STAFF_IDLE_CLOSE_MS, useIdleClose } from './use-idle-close';

type Door =
  | { kind: 'reading' }
  | { kind: 'pin'; pin: StaffPinHash; lockout: PinLockout }
  /** noPin: enrolled, but its branch set no PIN (or none has arrived yet). */
  | { kind: 'open'; noPin: boolean };

/** Whether the device asks for a PIN, from what it stored. */
export function doorOf(facts: {
  enrolled: boolean;
  pin: StaffPinHash | null | undefined;
  lockout: unknown;
}): Door {
  if (!facts.enrolled) return { kind: 'open', noPin: false };
  if (!facts.pin) return { kind: 'open', noPin: true };
  // A hash this device cannot check would lock staff out for good; it is treated as none.
  if (!isUsablePinHash(facts.pin)) return { kind: 'open', noPin: true };
  return { kind: 'pin', pin: facts.pin, lockout: readPinLockout(facts.lockout) };
}

/** The staff view's note that this branch has no PIN. */
export function NoPinNotice() {
  const { t } = useLanguage();
  return <p class="alert alert-info">{t('staff.pin.notSet')}</p>;
}

export function StaffGate(props: {
  language: Language;
  onClose: () => void;
  /** The staff view; `noPin` when it opened because the branch has no PIN. */
  children: (noPin: boolean) => ComponentChildren;
}) {
  const [door, setDoor] = useState<Door>({ kind: 'reading' });
  useIdleClose(STAFF_IDLE_CLOSE_MS, props.onClose);

  useEffect(() => {
    let current = true;
    staffPinFacts().then(
      (facts) => current && setDoor(doorOf(facts)),
      // Storage that cannot be read cannot hold a PIN either: staff must still get in to
      // see what is wrong, as before PINs.
      () => current && setDoor({ kind: 'open', noPin: false }),
    );
    return () => {
      current = false;
    };
  }, []);

  if (door.kind === 'reading') return <div class="screen staff" aria-busy="true" />;
  if (door.kind === 'open') return <>{props.children(door.noPin)}</>;
  return (
    <LanguageProvider language={props.language} surveyId="">
      <PinScreen
        pin={door.pin}
        lockout={door.lockout}
        onOpen={() => setDoor({ kind: 'open', noPin: false })}
        onCancel={props.onClose}
      />
    </LanguageProvider>
  );
}
