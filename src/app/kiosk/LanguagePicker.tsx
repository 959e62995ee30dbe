/**
 * The languages, each in its own name. On the welcome screen they are large buttons; during
 * the survey a compact disclosure, so a patron can switch without losing their answers.
 */
import { useState } from 'preact/hooks';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';
import { useLanguage } from '../i18n/context';

function LanguageButtons(props: { onChoose: (language: Language) => void }) {
  const { language } = useLanguage();
  return (
    <ul class="language-list">
      {LANGUAGES.map((code) => (
        <li key={code}>
          <button
            type="button"
            class="language-button"
            lang={code}
            aria-pressed={code === language}
            onClick={() => props.onChoose(code)}
          >
            {LANGUAGE_NAMES[code]}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function LanguagePicker(props: { onChoose: (language: Language) => void }) {
  const { t } = useLanguage();
  return (
    <nav class="language-picker" aria-label={t('language.choose')}>
      <LanguageButtons onChoose={props.onChoose} />
    </nav>
  );
}

export function LanguageMenu(props: { onChoose: (language: Language) => void }) {
  const { t, language } = useLanguage();
  const [open, setOpen] = useState(false);
  return (
    <div class="language-menu">
      <button
        type="button"
        class="button button-quiet"
        aria-expanded={open}
        aria-controls="language-menu-list"
        onClick={() => setOpen(!open)}
      >
        <span class="visually-hidden">{`${t('language.choose')}: `}</span>
        <span lang={language}>{LANGUAGE_NAMES[language]}</span>
      </button>
      {open && (
        <div id="language-menu-list" class="language-menu-list">
          <LanguageButtons
            onChoose={(code) => {
              setOpen(false);
              props.onChoose(code);
            }}
          />
        </div>
      )}
    </div>
  );
}
