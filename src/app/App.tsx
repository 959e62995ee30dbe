/** The two faces of the app: the patrons' kiosk and the staff status view (#/staff), behind the staff PIN. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { KioskOptions } from '../shared/contract/device';
import type { SurveyStructure } from '../shared/contract/survey-package';
import type { Language } from '../shared/languages';
import { KioskApp } from './kiosk/KioskApp';
import type { KioskPlace, KioskState } from './kiosk/session';
import { StaffGate } from './staff/StaffGate';
import { type StaffActions, StaffScreen } from './staff/StaffScreen';
import { reportWelcomeScreen } from './welcome-moment';

type Route = { name: 'kiosk' } | { name: 'staff'; enrollCode?: string };

/** #/staff opens the staff view; #enroll=CODE (the collector's enrollment link) too, with the code filled in. */
export function routeOf(hash: string): Route {
  const enroll = /^#enroll=([\w-]+)$/.exec(hash);
  if (enroll?.[1]) return { name: 'staff', enrollCode: enroll[1] };
  return hash.startsWith('#/staff') ? { name: 'staff' } : { name: 'kiosk' };
}

export function App(props: {
  survey: SurveyStructure;
  kioskOptions: KioskOptions;
  initial: KioskState;
  staff: StaffActions;
  /** A response was queued (submitted or walked away from): time to send. */
  onQueued: () => void;
  /** The welcome screen shows (again, or in another language): a moment to keep it. */
  onWelcome?: (language: Language) => void;
}) {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  // The kiosk stays mounted under the staff view, so closing that view returns to the
  // kiosk as it was, never to the state the app started in.
  const [kiosk, setKiosk] = useState<KioskPlace>(() => ({
    stage: props.initial.stage,
    language: props.initial.language,
  }));
  const onKioskPlace = useCallback((place: KioskPlace) => setKiosk(place), []);
  const { onWelcome } = props;
  useEffect(() => {
    const welcome = route.name === 'kiosk' && kiosk.stage === 'welcome';
    reportWelcomeScreen(welcome);
    if (welcome) onWelcome?.(kiosk.language);
  }, [route.name, kiosk.stage, kiosk.language, onWelcome]);

  const staff = route.name === 'staff';
  const closeStaff = useCallback(() => {
    history.replaceState(null, '', location.pathname);
    setRoute({ name: 'kiosk' });
  }, []);
  return (
    <>
      {staff && (
        <StaffGate language={kiosk.language} onClose={closeStaff}>
          {(noPin) => (
            <StaffScreen
              {...props.staff}
              language={kiosk.language}
              enrollCode={route.enrollCode}
              noPin={noPin}
              onClose={closeStaff}
            />
          )}
        </StaffGate>
      )}
      <div hidden={staff} class="kiosk-layer">
        <KioskApp
          survey={props.survey}
          kioskOptions={props.kioskOptions}
          initial={props.initial}
          onSubmitted={props.onQueued}
          onStaff={() => {
            location.hash = '#/staff';
          }}
          onPlace={onKioskPlace}
        />
      </div>
    </>
  );
}
