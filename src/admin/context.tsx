/**
 * What every screen reads: the language with its translator and formatters, and, once
 * signed in, who is signed in, the branches and surveys they may see, and the route.
 */
import type { TFunction } from 'i18next';
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { BranchList, SurveyList } from '../shared/contract/admin';
import type { StaffSession } from '../shared/contract/staff';
import type { Language } from '../shared/languages';
import { type Formatters, formatters } from './format';
import { adminT } from './i18n';
import type { Page, Route } from './route';

interface LanguageValue {
  language: Language;
  t: TFunction;
  f: Formatters;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageValue | null>(null);

export function LanguageProvider(props: {
  language: Language;
  setLanguage: (language: Language) => void;
  children: ComponentChildren;
}) {
  const { language, setLanguage } = props;
  const value = useMemo(
    () => ({ language, setLanguage, t: adminT(language), f: formatters(language) }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

export type Branch = BranchList['branches'][number];
export type SurveySummary = SurveyList['surveys'][number];

export interface SignedIn {
  session: StaffSession;
  isAdmin: boolean;
  branches: Branch[];
  surveys: SurveySummary[];
  branchName: (branchId: string) => string;
  route: Route;
  navigate: (page: Page, query?: URLSearchParams) => void;
  /** Reloads branches and surveys after a change to them. */
  refresh: () => void;
}

const SignedInContext = createContext<SignedIn | null>(null);

export const SignedInProvider = SignedInContext.Provider;

export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn outside SignedInProvider');
  return value;
}
