/**
 * The device's storage as the browser estimates it (navigator.storage.estimate): used and
 * free, in the staff's language, and a warning from 80% of the quota, while there is still
 * room to send what waits or save it to a file. Read again whenever the waiting count changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLanguage } from '../i18n/context';
import { estimateStorage, type StorageEstimate } from '../store';
import { formatBytes, formatShare, storageLevel } from './storage-level';

export function StorageUsage(props: { waiting: number | undefined }) {
  const { t, language } = useLanguage();
  const [estimate, setEstimate] = useState<StorageEstimate | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    estimateStorage().then(
      (value) => current && setEstimate(value ?? null),
      () => current && setEstimate(null),
    );
    return () => {
      current = false;
    };
  }, [props.waiting]);

  if (estimate === undefined) return null;
  const level = estimate ? storageLevel(estimate) : undefined;
  return (
    <section aria-labelledby="staff-storage">
      <h2 id="staff-storage">{t('staff.storage.title')}</h2>
      {level ? (
        <>
          <p data-testid="storage-used">
            {t('staff.storage.used', {
              used: formatBytes(language, level.usage),
              quota: formatBytes(language, level.quota),
              share: formatShare(language, level.fraction),
            })}
          </p>
          <p data-testid="storage-free">
            {t('staff.storage.free', { free: formatBytes(language, level.free) })}
          </p>
          {level.warn && (
            <p class="alert alert-info" role="alert">
              {t('staff.storage.warning', { share: formatShare(language, level.fraction) })}
            </p>
          )}
        </>
      ) : (
        <p>{t('staff.storage.unknown')}</p>
      )}
    </section>
  );
}
