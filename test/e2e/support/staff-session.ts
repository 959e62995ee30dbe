/**
 * Staff as other programs meet the collector: accounts made with the CLI, a session signed
 * in over the API, and calls that carry its cookie and the collector's own Origin, as a
 * browser would send them.
 */
import { apiPath, ENDPOINTS } from '../../../src/shared/contract/endpoints';
import type { RunningCollector } from './collector';

export const STAFF_PASSWORD = 'correct horse battery staple';

/** Adds a staff account with the CLI (the password goes in on standard input). */
export async function addStaff(
  collector: RunningCollector,
  email: string,
  role: 'admin' | 'branch',
  branchId?: string,
): Promise<void> {
  const args = ['user', 'add', email, '--role', role, '--password-stdin'];
  if (branchId) args.push('--branch', branchId);
  await collector.cli(args, { stdin: `${STAFF_PASSWORD}\n` });
}

export interface StaffClient {
  /** A call with the session's cookie; `path` is under the site root (/api/v1/…). */
  call(path: string, init?: RequestInit): Promise<Response>;
  /** A GET of an API path that must succeed, as JSON. */
  json<T>(path: string): Promise<T>;
}

/** Signs in over the API and returns a client that carries the session. */
export async function signIn(collector: RunningCollector, email: string): Promise<StaffClient> {
  const origin = collector.url;
  const res = await fetch(`${origin}${apiPath(ENDPOINTS.signIn)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: STAFF_PASSWORD }),
  });
  if (!res.ok) throw new Error(`signing in ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${origin}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie, origin },
    });
  return {
    call,
    async json<T>(path: string): Promise<T> {
      const reply = await call(path);
      if (!reply.ok) throw new Error(`GET ${path}: ${reply.status} ${await reply.text()}`);
      return (await reply.json()) as T;
    },
  };
}
