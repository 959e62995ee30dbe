/**
 * Which languages this device can read aloud: per survey language (each in its own name),
 * the voice the kiosk would use, or none, and how to install one. The kiosk offers
 * read-aloud only in a language with a voice (kiosk/read-aloud/), so this is where staff
 * see why the button is missing in one language.
 */
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import { useLanguage } from '../i18n/context';
import { useVoices } from '../kiosk/read-aloud/use-voices';
import { findVoice } from '../kiosk/read-aloud/voices';
import './voices.css';

export function VoicesSection() {
  const { t } = useLanguage();
  const voices = useVoices();
  return (
    <section aria-labelledby="staff-voices">
      <h2 id="staff-voices">{t('staff.voices.title')}</h2>
      <p>{t('staff.voices.intro')}</p>
      {voices === undefined ? (
        <p class="alert alert-info">{t('staff.voices.unsupported')}</p>
      ) : (
        <table class="voices-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.voices.language')}</th>
              <th scope="col">{t('staff.voices.voice')}</th>
            </tr>
          </thead>
          <tbody>
            {LANGUAGES.map((code) => {
              const voice = findVoice(voices, code);
              return (
                <tr key={code}>
                  <th scope="row" lang={code}>
                    {LANGUAGE_NAMES[code]}
                  </th>
                  <td>{voice ? voice.name : t('staff.voices.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3>{t('staff.voices.installTitle')}</h3>
      <ul>
        <li>{t('staff.voices.android')}</li>
        <li>{t('staff.voices.ipad')}</li>
        <li>{t('staff.voices.windows')}</li>
      </ul>
      <p class="muted">{t('staff.voices.reload')}</p>
    </section>
  );
}
