/**
 * Two slices side by side, question by question: branch against branch, or period against
 * period (this year against last, or any two ranges). Each slice is its own summary call
 * with the page's other filters.
 */
import { useLanguage } from '../context';

export function ComparePage() {
  const { t } = useLanguage();
  return (
    <>
      <h1 tabIndex={-1}>{t('compare.title')}</h1>
      <p class="notice">{t('compare.intro')}</p>
    </>
  );
}
