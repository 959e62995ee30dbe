/** The dashboard's language, each named in itself; the choice is remembered on this browser. */
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import { useLanguage } from '../context';

export function LanguagePicker() {
  const { t, language, setLanguage } = useLanguage();
  return (
    <label class="inline-field">
      <span>{t('language.label')}</span>
      <select
        value={language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLanguage(value)) setLanguage(value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
