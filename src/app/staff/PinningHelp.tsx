/**
 * How to keep the tablet on the survey: Guided Access on an iPad, screen pinning or a kiosk
 * browser on Android. A web page cannot lock the device itself; the operating system can,
 * and these are the few steps staff need, in their language.
 */
import { useLanguage } from '../i18n/context';

export function PinningHelp() {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="staff-pinning">
      <h2 id="staff-pinning">{t('staff.pinning.title')}</h2>
      <p>{t('staff.pinning.intro')}</p>
      <h3>{t('staff.pinning.ipadTitle')}</h3>
      <ol>
        <li>{t('staff.pinning.ipad1')}</li>
        <li>{t('staff.pinning.ipad2')}</li>
        <li>{t('staff.pinning.ipad3')}</li>
      </ol>
      <h3>{t('staff.pinning.androidTitle')}</h3>
      <ol>
        <li>{t('staff.pinning.android1')}</li>
        <li>{t('staff.pinning.android2')}</li>
        <li>{t('staff.pinning.android3')}</li>
      </ol>
      <p>{t('staff.pinning.kioskBrowser', { address: location.origin })}</p>
      <p class="muted">{t('staff.pinning.sleep')}</p>
    </section>
  );
}
