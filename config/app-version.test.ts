import { describe, expect, it } from 'vitest';
import { MAX_APP_VERSION_CHARS } from '../src/shared/contract/device-health.ts';
import { appVersion, appVersionDefine } from './app-version.ts';

describe('the app version a build carries', () => {
  it('is APP_VERSION when the release sets it, cut to what a report may carry', () => {
    expect(appVersion({ APP_VERSION: ' 2026.11.2 ' })).toBe('2026.11.2');
    expect(appVersion({ APP_VERSION: 'x'.repeat(100) })).toHaveLength(MAX_APP_VERSION_CHARS);
  });

  it('is otherwise the commit it was built from, never empty', () => {
    const version = appVersion({});
    expect(version.length).toBeGreaterThan(0);
    expect(version.length).toBeLessThanOrEqual(MAX_APP_VERSION_CHARS);
  });

  it('is defined for the app as import.meta.env.VITE_APP_VERSION', () => {
    const define = appVersionDefine();
    expect(JSON.parse(define['import.meta.env.VITE_APP_VERSION'] ?? '""')).toBe(appVersion());
  });
});
