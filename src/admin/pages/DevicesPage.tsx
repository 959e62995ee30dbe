/**
 * The enrolled devices: branch, name, when enrolled, when last seen, the clock offset, each
 * kiosk's latest health report (DeviceHealthCells), and whether revoked. A device quiet for
 * DEVICE_QUIET_DAYS days is marked with a word and a symbol as well as a colour.
 * Administrators may revoke one, after confirming, and set or clear each branch's staff PIN.
 */
import { DEVICE_QUIET_DAYS, type DeviceList } from '../../shared/contract/admin';
import { api } from '../api';
import { now } from '../clock';
import { BranchPinPanel } from '../components/BranchPinPanel';
import { ConfirmDialog, useConfirmation } from '../components/ConfirmDialog';
import {
  DeviceHealthCells,
  DeviceHealthHeaders,
  DeviceHealthRule,
} from '../components/DeviceHealthCells';
import { ImportResponses } from '../components/ImportResponses';
import { Status } from '../components/Status';
import { useLanguage, useSignedIn } from '../context';
import { useLoad } from '../use-load';

type Device = DeviceList['devices'][number];

export function DevicesPage() {
  const { t, f } = useLanguage();
  const { isAdmin, branchName } = useSignedIn();
  const [load, reload] = useLoad(() => api.devices(), 'devices');
  const at = now();

  const { confirming, ask, dialog } = useConfirmation(
    (device: Device) => api.revokeDevice(device.id),
    () => reload(),
  );
  const devices = load.data?.devices ?? [];
  const name = (d: Device) => d.name ?? t('devices.unnamed');

  return (
    <>
      <h1 tabIndex={-1}>{t('devices.title')}</h1>
      <Status
        loading={load.state === 'loading'}
        error={load.state === 'error' ? load.error : undefined}
        onRetry={reload}
      />
      {load.data ? (
        <div class="table-scroll">
          <table class="data">
            <caption>
              {t('devices.caption', { count: devices.length })}{' '}
              {t('devices.quietRule', { count: DEVICE_QUIET_DAYS })} <DeviceHealthRule />
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('devices.name')}</th>
                <th scope="col">{t('devices.branch')}</th>
                <th scope="col">{t('devices.enrolled')}</th>
                <th scope="col">{t('devices.lastSeen')}</th>
                <th scope="col">{t('devices.clockOffset')}</th>
                <DeviceHealthHeaders />
                <th scope="col">{t('devices.state')}</th>
                {isAdmin ? (
                  <th scope="col">
                    <span class="visually-hidden">{t('devices.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr
                  key={d.id}
                  class={d.quiet && !d.revokedAt ? 'row-quiet' : d.revokedAt ? 'row-revoked' : ''}
                >
                  <th scope="row">{name(d)}</th>
                  <td>{branchName(d.branchId)}</td>
                  <td>{f.dateTime(d.enrolledAt)}</td>
                  <td>
                    {d.lastSeenAt ? (
                      <time dateTime={d.lastSeenAt} title={f.dateTime(d.lastSeenAt)}>
                        {f.ago(d.lastSeenAt, at)}
                      </time>
                    ) : (
                      t('devices.neverSeen')
                    )}
                  </td>
                  <td class="num">
                    {d.lastClockOffsetMs === null ? '–' : f.offset(d.lastClockOffsetMs)}
                  </td>
                  <DeviceHealthCells device={d} />
                  <td>
                    {d.revokedAt ? (
                      <span class="badge">
                        {t('devices.revoked', { date: f.dateTime(d.revokedAt) })}
                      </span>
                    ) : d.quiet ? (
                      <span class="badge badge-warning">
                        <span aria-hidden="true">⚠ </span>
                        {t('devices.quiet', { count: DEVICE_QUIET_DAYS })}
                      </span>
                    ) : (
                      t('devices.active')
                    )}
                  </td>
                  {isAdmin ? (
                    <td>
                      {d.revokedAt ? null : (
                        <button type="button" class="button small danger" onClick={() => ask(d)}>
                          {t('devices.revoke')}
                          <span class="visually-hidden"> {name(d)}</span>
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {isAdmin ? <BranchPinPanel /> : null}
      <ConfirmDialog
        state={dialog}
        headingId="revoke-heading"
        title={t('devices.confirmTitle', { name: confirming ? name(confirming) : '' })}
        cancel={t('devices.cancel')}
        confirm={t('devices.confirmRevoke')}
      >
        <p>
          {t('devices.confirmText', { branch: confirming ? branchName(confirming.branchId) : '' })}
        </p>
      </ConfirmDialog>
      <ImportResponses onImported={reload} />
    </>
  );
}
