/**
 * Keeps the branch's opening hours and look from the device configuration on the device,
 * the logo's file included: it is fetched only when its URL (which names its version)
 * changed, checked to be a PNG or SVG of at most MAX_LOGO_BYTES, and kept as a data: URL,
 * so the welcome screen shows it offline. A logo that cannot be fetched now keeps the one
 * the device has, and is asked for again at the next refresh.
 */
import type { DeviceConfig } from '../../shared/contract/device';
import { getBranchLook, type StoredBranchLook, saveBranchLook, saveOpeningHours } from '../store';
import { type CollectorDeps, SYNC_REQUEST_TIMEOUT_MS } from './http';

/** The collector refuses larger logos (server/branding/logo.ts); a larger reply is not one. */
export const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ['image/png', 'image/svg+xml'];

function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** The logo at `url` as a data: URL, or undefined when it cannot be had now. */
export async function fetchLogo(deps: CollectorDeps, url: string): Promise<string | undefined> {
  const controller = new AbortController();
  const timer = deps.timers.setTimeout(() => controller.abort(), SYNC_REQUEST_TIMEOUT_MS);
  try {
    const reply = await deps.fetch(`${deps.baseUrl}${url}`, { signal: controller.signal });
    if (reply.status !== 200) return undefined;
    const type = reply.headers.get('Content-Type')?.split(';')[0]?.trim() ?? '';
    if (!LOGO_TYPES.includes(type)) return undefined;
    const bytes = new Uint8Array(await reply.arrayBuffer());
    if (bytes.length === 0 || bytes.length > MAX_LOGO_BYTES) return undefined;
    return `data:${type};base64,${base64(bytes)}`;
  } catch {
    return undefined;
  } finally {
    deps.timers.clearTimeout(timer);
  }
}

export async function refreshBranchLook(
  deps: CollectorDeps,
  config: Pick<DeviceConfig, 'openingHours' | 'timeZone' | 'look'>,
): Promise<void> {
  await saveOpeningHours({
    hours: config.openingHours,
    ...(config.timeZone ? { timeZone: config.timeZone } : {}),
  });
  const held = await getBranchLook();
  const { displayName, accent, logoUrl } = config.look;
  let logo: StoredBranchLook['logo'];
  if (logoUrl !== undefined) {
    if (held.logo?.url === logoUrl) logo = held.logo;
    else {
      const dataUrl = await fetchLogo(deps, logoUrl);
      logo = dataUrl ? { url: logoUrl, dataUrl } : held.logo;
    }
  }
  await saveBranchLook({
    ...(displayName ? { displayName } : {}),
    ...(accent ? { accent } : {}),
    ...(logo ? { logo } : {}),
  });
}
