import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { DeviceList } from '../../shared/contract/admin';
import type { Language } from '../../shared/languages';
import { LanguageProvider } from '../context';
import { switchLanguage } from '../i18n';
import { DeviceHealthCells, formatBytes } from './DeviceHealthCells';

type Device = DeviceList['devices'][number];

function device(health: Device['health']): Device {
  return {
    id: '0b6f6c1e-3f0a-4c55-9d8e-6a2f4f1b7c10',
    branchId: 'main',
    name: 'Bookmobile 1',
    enrolledAt: '2026-11-01T08:00:00.000Z',
    lastSeenAt: '2026-11-20T10:00:00.000Z',
    lastClockOffsetMs: 0,
    revokedAt: null,
    quiet: false,
    health,
  };
}

const HEALTHY = {
  appVersion: 'v2026.11',
  responses: { waiting: 12, quarantined: 0 },
  storage: { usedBytes: 120e6, quotaBytes: 2e9, persistent: true },
  reportedAt: '2026-11-20T10:00:00.000Z',
};
const TROUBLED = {
  ...HEALTHY,
  responses: { waiting: 0, quarantined: 3 },
  storage: { usedBytes: 1.7e9, quotaBytes: 2e9, persistent: false },
};

async function render(d: Device, language: Language = 'en'): Promise<string> {
  await switchLanguage(language);
  const html = renderToString(
    <LanguageProvider language={language} setLanguage={() => {}}>
      <table>
        <tbody>
          <tr>
            <DeviceHealthCells device={d} />
          </tr>
        </tbody>
      </table>
    </LanguageProvider>,
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('a device’s health on the devices page', () => {
  it('shows version, waiting, storage with units and persistence, unmarked when all is well', async () => {
    const text = await render(device(HEALTHY));
    expect(text).toContain('v2026.11');
    expect(text).toContain('120 MB of 2 GB (6%)');
    expect(text).toContain('Yes');
    expect(text).not.toContain('⚠');
  });

  it('marks refused responses and storage over 80% with a symbol and words', async () => {
    const text = await render(device(TROUBLED));
    expect(text).toContain('⚠ 3 refused responses on the device');
    expect(text).toContain('1.7 GB of 2 GB (85%) ⚠ Over 80% full');
    expect(text).toContain('No');
  });

  it('says so for a device that has not reported, and speaks each language', async () => {
    expect(await render(device(null))).toContain('No health report yet');
    expect(await render(device(TROUBLED), 'sl')).toContain('3 zavrnjeni odgovori na napravi');
    expect(await render(device(TROUBLED), 'ru')).toContain('3 отклонённых ответа на устройстве');
  });
});

describe('formatBytes', () => {
  it.each<[Language, number, string]>([
    ['en', 512, '512 byte'],
    ['en', 1_500_000, '1.5 MB'],
    ['en', 64e9, '64 GB'],
    ['sl', 1_500_000, '1,5 MB'],
  ])('in %s writes %d bytes as %s', (language, bytes, text) => {
    expect(formatBytes(language, bytes)).toBe(text);
  });
});
