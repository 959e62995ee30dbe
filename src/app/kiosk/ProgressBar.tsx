/** "Question 3 of 19", in words and as a bar. */
import { useLanguage } from '../i18n/context';

export function ProgressBar(props: { position: number; total: number }) {
  const { t } = useLanguage();
  const label = t('question.progress', { position: props.position, total: props.total });
  return (
    <div class="progress">
      <span class="progress-label">{label}</span>
      <progress max={props.total} value={props.position} aria-label={label} />
    </div>
  );
}
