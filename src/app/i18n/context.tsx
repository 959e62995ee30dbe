/** Gives every screen the current language and its translators. */
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Language } from '../../shared/languages';
import { type Translators, translators } from './i18n';

interface LanguageContextValue extends Translators {
  language: Language;
  surveyId: string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider(props: {
  language: Language;
  surveyId: string;
  children: ComponentChildren;
}) {
  const { language, surveyId } = props;
  const value = useMemo(
    () => ({ language, surveyId, ...translators(language, surveyId) }),
    [language, surveyId],
  );
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}
