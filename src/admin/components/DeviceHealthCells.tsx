/**
 * The devices page's columns for each kiosk's latest health report (sent with its syncs):
 * app version, responses waiting, responses refused, storage used of the quota, persistent
 * storage, and when it reported. Refused responses and storage over STORAGE_WARNING_SHARE
 * are marked with a symbol and words as well as the warning colour.
 */
import type { DeviceList } from '../../shared/contract/admin';
import {
  type DeviceHealthReport,
  healthConcerns,
  STORAGE_WARNING_SHARE,
  storageShare,
} from '../../shared/contract/device-health';
import { useLanguage } from '../context';

type Device = DeviceList['devices'][number];

/** Bytes as the language writes them, in the largest decimal unit that leaves at least 1. */
export function formatBytes(language: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

export function DeviceHealthHeaders() {
  const { t } = useLanguage();
  return (
    <>
      <th scope="col">{t('devices.health.version')}</th>
      <th scope="col">{t('devices.health.waiting')}</th>
      <th scope="col">{t('devices.health.quarantined')}</th>
      <th scope="col">{t('devices.health.storage')}</th>
      <th scope="col">{t('devices.health.persistent')}</th>
      <th scope="col">{t('devices.health.reported')}</th>
    </>
  );
}

/** The caption's sentence that says what is marked. */
export function DeviceHealthRule() {
  const { t, f } = useLanguage();
  return <>{t('devices.health.rule', { share: f.percent(STORAGE_WARNING_SHARE) })}</>;
}

function Warning({ children }: { children: string }) {
  return (
    <span class="badge badge-warning">
      <span aria-hidden="true">⚠ </span>
      {children}
    </span>
  );
}

function StorageCell({ health }: { health: DeviceHealthReport }) {
  const { t, f, language } = useLanguage();
  const { usedBytes, quotaBytes } = health.storage;
  const share = storageShare(health);
  if (share === undefined || usedBytes === undefined || quotaBytes === undefined) {
    return <>{t('devices.health.unknown')}</>;
  }
  const text = t('devices.health.storageOf', {
    used: formatBytes(language, usedBytes),
    quota: formatBytes(language, quotaBytes),
    share: f.percent(share),
  });
  return healthConcerns(health).storageFull ? (
    <>
      {text}{' '}
      <Warning>
        {t('devices.health.storageFull', { share: f.percent(STORAGE_WARNING_SHARE) })}
      </Warning>
    </>
  ) : (
    text
  );
}

export function DeviceHealthCells({ device }: { device: Device }) {
  const { t, f } = useLanguage();
  const { health } = device;
  if (!health) {
    return <td colSpan={6}>{t('devices.health.notReported')}</td>;
  }
  const { persistent } = health.storage;
  const { quarantined } = health.responses;
  return (
    <>
      <td>{health.appVersion}</td>
      <td class="num">{f.integer(health.responses.waiting)}</td>
      <td class="num">
        {quarantined > 0 ? (
          <Warning>{t('devices.health.hasQuarantined', { count: quarantined })}</Warning>
        ) : (
          f.integer(0)
        )}
      </td>
      <td>
        <StorageCell health={health} />
      </td>
      <td>
        {persistent === undefined
          ? t('devices.health.unknown')
          : persistent
            ? t('devices.health.yes')
            : t('devices.health.no')}
      </td>
      <td>
        <time dateTime={health.reportedAt} title={f.dateTime(health.reportedAt)}>
          {f.dateTime(health.reportedAt)}
        </time>
      </td>
    </>
  );
}
