/** The first thing a patron sees: the survey's title, their language, and Start. */

import type { Language } from '../../shared/languages';
import { INTRO_KEY } from '../../shared/survey/translation-keys';
import { useLanguage } from '../i18n/context';
import { BranchBrand } from './BranchBrand';
import { LanguagePicker } from './LanguagePicker';
import { StaffEntry } from './StaffEntry';
import { WelcomeInterviewing } from './WelcomeInterviewing';

export function WelcomeScreen(props: {
  title: string;
  onLanguage: (language: Language) => void;
  onStart: () => void;
  /** The staff button in the corner; absent on a visitor's phone. */
  onStaff?: (() => void) | undefined;
}) {
  const { t, ts } = useLanguage();
  return (
    <div class="screen welcome">
      <main class="welcome-main">
        <BranchBrand />
        <h1 class="welcome-title">{ts(props.title)}</h1>
        <p class="welcome-intro">{ts(INTRO_KEY)}</p>
        <LanguagePicker onChoose={props.onLanguage} />
        <button type="button" class="button button-primary button-large" onClick={props.onStart}>
          {t('welcome.start')}
        </button>
        <p class="welcome-privacy">{t('welcome.privacy')}</p>
        {props.onStaff && <WelcomeInterviewing />}
      </main>
      {props.onStaff && (
        <footer class="welcome-footer">
          <StaffEntry onStaff={props.onStaff} />
        </footer>
      )}
    </div>
  );
}
