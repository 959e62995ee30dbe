/** Enrollment codes from a running collector's own CLI, as staff make them for a new kiosk. */
import type { RunningCollector } from '../test/e2e/support/collector';

/** A one-time code for a device of the `main` branch. */
export async function newEnrollmentCode(collector: RunningCollector): Promise<string> {
  const out = await collector.cli(['code', 'create', '--branch', 'main']);
  const code = /#enroll=([0-9A-Z-]+)/.exec(out)?.[1];
  if (!code) throw new Error(`no enrollment code in:\n${out}`);
  return code;
}
