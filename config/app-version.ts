/**
 * The version a build of the app carries, which each kiosk reports to the collector with
 * its syncs (`device list`, the dashboard's devices page): APP_VERSION when the release
 * sets it, else the git commit the build was made from (with "-dirty" for uncommitted
 * changes), else 'unknown' (a source archive without git).
 */
import { execFileSync } from 'node:child_process';
import { MAX_APP_VERSION_CHARS } from '../src/shared/contract/device-health.ts';

export function appVersion(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.APP_VERSION?.trim();
  if (given) return given.slice(0, MAX_APP_VERSION_CHARS);
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .slice(0, MAX_APP_VERSION_CHARS);
  } catch {
    return 'unknown';
  }
}

/** Vite's `define` that puts the version in the app as import.meta.env.VITE_APP_VERSION. */
export function appVersionDefine(): Record<string, string> {
  return { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(appVersion()) };
}
