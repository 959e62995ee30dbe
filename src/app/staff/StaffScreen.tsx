/**
 * What staff see: where this device sends its answers, what is waiting, what was sent, what
 * the collector refused and why, and a way to send now. Patrons' answers are never shown.
 */
import { useState } from 'preact/hooks';
import type { Language } from '../../shared/languages';
import { LanguageProvider, useLanguage } from '../i18n/context';
import {
  useEnrollment,
  useQuarantined,
  useSentKeptDays,
  useStatusCounts,
  useSyncState,
} from '../store';
import { type EnrollAttempt, EnrollForm } from './EnrollForm';
import { InterviewerSection } from './InterviewerSection';
import { OpeningHoursNotice } from './OpeningHoursNotice';
import { PinningHelp } from './PinningHelp';
import { QuarantineList } from './QuarantineList';
import { RefusedToFile } from './RefusedToFile';
import { SaveToFile } from './SaveToFile';
import { SentKeptNotice } from './SentKeptNotice';
import { NoPinNotice } from './StaffGate';
import { StorageUsage } from './StorageUsage';
import { VoicesSection } from './VoicesSection';

export interface StaffActions {
  syncNow: () => Promise<unknown>;
  enroll: EnrollAttempt;
}

function formatTime(language: Language, at: number | undefined, never: string): string {
  if (at === undefined) return never;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function Status(
  props: StaffActions & { onClose: () => void; enrollCode?: string; noPin?: boolean },
) {
  const { t, language } = useLanguage();
  const counts = useStatusCounts();
  const sync = useSyncState();
  const enrollment = useEnrollment();
  const quarantined = useQuarantined();
  const sentKeptDays = useSentKeptDays();
  const [syncing, setSyncing] = useState(false);
  const number = new Intl.NumberFormat(language);

  return (
    <div class="screen staff">
      <header class="top-bar">
        <h1 class="staff-title">{t('staff.title')}</h1>
        <button type="button" class="button" onClick={props.onClose}>
          {t('staff.close')}
        </button>
      </header>
      <main class="staff-main">
        {props.noPin && <NoPinNotice />}
        <section aria-labelledby="staff-outbox">
          <h2 id="staff-outbox">{t('staff.outbox.title')}</h2>
          <dl class="figures">
            <div>
              <dt>{t('staff.outbox.waiting')}</dt>
              <dd data-testid="count-waiting">{number.format(counts?.queued ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('staff.outbox.sent')}</dt>
              <dd data-testid="count-sent">{number.format(counts?.synced ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('staff.outbox.quarantined')}</dt>
              <dd data-testid="count-quarantined">{number.format(counts?.quarantined ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('staff.outbox.inProgress')}</dt>
              <dd>{number.format(counts?.draft ?? 0)}</dd>
            </div>
          </dl>
          {sentKeptDays !== undefined && <SentKeptNotice days={sentKeptDays} />}
          <p>
            {t('staff.sync.lastSuccess')}:{' '}
            <strong>{formatTime(language, sync?.lastSuccessAt, t('staff.sync.never'))}</strong>
          </p>
          {sync?.lastError && (
            <p class="alert alert-info" role="status">
              {t(`staff.sync.errors.${sync.lastError.code}`, {
                defaultValue: t('staff.sync.errors.unknown'),
              })}{' '}
              <span class="muted">({formatTime(language, sync.lastError.at, '')})</span>
            </p>
          )}
          <button
            type="button"
            class="button button-primary button-large"
            disabled={syncing || !enrollment}
            onClick={async () => {
              setSyncing(true);
              await props.syncNow().finally(() => setSyncing(false));
            }}
          >
            {syncing ? t('staff.sync.syncing') : t('staff.sync.now')}
          </button>
        </section>
        <StorageUsage waiting={counts?.queued} />
        <SaveToFile waiting={counts?.queued ?? 0} />
        <section aria-labelledby="staff-device">
          <h2 id="staff-device">{t('staff.device.title')}</h2>
          {enrollment ? (
            <p>
              {t('staff.device.enrolled', { branch: enrollment.branch.name })}{' '}
              <span class="muted">({formatTime(language, enrollment.enrolledAt, '')})</span>
            </p>
          ) : (
            <p>{t('staff.device.notEnrolled')}</p>
          )}
          {(!enrollment || sync?.lastError?.code === 'unauthorized' || props.enrollCode) && (
            <EnrollForm initialCode={props.enrollCode} enroll={props.enroll} />
          )}
        </section>
        <InterviewerSection />
        {quarantined && quarantined.length > 0 && <QuarantineList responses={quarantined} />}
        {quarantined && quarantined.length > 0 && <RefusedToFile />}
        <OpeningHoursNotice />
        <PinningHelp />
        <VoicesSection />
      </main>
    </div>
  );
}

export function StaffScreen(
  props: StaffActions & {
    language: Language;
    enrollCode?: string;
    onClose: () => void;
    /** Opened without a PIN on an enrolled device: the branch should set one. */
    noPin?: boolean;
  },
) {
  return (
    <LanguageProvider language={props.language} surveyId="">
      <Status {...props} />
    </LanguageProvider>
  );
}
