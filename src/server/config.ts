/**
 * The collector's configuration: every setting is an environment variable, declared once
 * here with its type, default and doc. `help` and the README print the same table.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { safeParseInput } from '../shared/contract/parse';
import { MAX_BATCH_RESPONSES } from '../shared/contract/sync';
import { DEFAULT_DEVICE_LIMITS, type DeviceLimits } from './ingest/device-limits';
import { DEFAULT_PUBLIC_LIMITS, type PublicLimits } from './public/limits';

/** Whether Intl knows the zone (an IANA name such as Europe/Vilnius, or UTC). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whether an entry of TRUSTED_PROXIES is an IPv4 or IPv6 address or a CIDR range of one. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The zone the host runs in, the default of TIME_ZONE. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The collector sits behind a TLS reverse proxy on the same machine. */
const DEFAULT_HOST = '127.0.0.1';

/** A host name or address, or the IPv6 loopback [::1]. */
const HOSTNAME = new RegExp(`^\\[::1\\]$|${z.regexes.hostname.source}`);

/** Hosts where plain HTTP never leaves the machine (browsers treat them as secure, too). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why an address may not be PUBLIC_URL, or undefined when it may: on plain HTTP across a
 * network, anyone on the library's Wi-Fi reads device tokens and answers, and a man in the
 * middle can acknowledge responses the collector never stored.
 */
export function insecureUrlProblem(url: string, allowInsecureHttp: boolean): string | undefined {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'https:' || LOOPBACK_HOSTS.has(hostname) || allowInsecureHttp) return undefined;
  return 'must be https:// (behind a TLS reverse proxy); plain http:// is allowed only for localhost, or with ALLOW_INSECURE_HTTP=1 on a closed test network';
}

interface Setting<S extends z.ZodType> {
  schema: S;
  /** The default as a person reads it; "unset" for optional settings. */
  shownDefault: string;
  doc: string;
  /** May hold a password: never echoed in an error message. */
  secret?: boolean;
}

function setting<S extends z.ZodType>(
  schema: S,
  shownDefault: string,
  doc: string,
  options: { secret?: boolean } = {},
): Setting<S> {
  return { schema, shownDefault, doc, ...options };
}

const SETTINGS = {
  PORT: setting(
    z.coerce.number().int().min(0).max(65535).default(8787),
    '8787',
    'TCP port of the app and the API (0 picks a free port).',
  ),
  HOST: setting(
    z.string().min(1).default(DEFAULT_HOST),
    DEFAULT_HOST,
    'Address to listen on: this machine only, for the TLS reverse proxy in front; 0.0.0.0 (every interface) for a proxy elsewhere, or with ALLOW_INSECURE_HTTP on a closed test network.',
  ),
  DATA_DIR: setting(
    z.string().min(1).default('./data'),
    './data',
    'Folder of the SQLite database (collector.sqlite); created when missing.',
  ),
  DATABASE_URL: setting(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    'unset',
    'postgres://user:password@host:5432/db stores everything in PostgreSQL instead of SQLite.',
    { secret: true },
  ),
  PUBLIC_URL: setting(
    // z.url, not z.httpUrl: a host name without a dot (survey-server) is a name too, and
    // http:// is allowed here so that loadConfig can say why it is refused (insecureUrlProblem).
    z
      .url({ protocol: /^https?$/, hostname: HOSTNAME })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    'unset',
    'Address devices use to reach the collector, e.g. https://survey.library.example; the base of printed enrollment links (http://localhost:PORT when unset). Must be https:// unless it is localhost, 127.0.0.1 or [::1], or ALLOW_INSECURE_HTTP is set.',
  ),
  ALLOW_INSECURE_HTTP: setting(
    z.stringbool().default(false),
    '0',
    'Set to 1 to allow a plain http:// PUBLIC_URL and print the LAN addresses: only on a closed test network, since anyone on the network can then read device tokens, passwords and answers, and acknowledge responses that were never stored.',
  ),
  STATIC_DIR: setting(
    z.string().min(1).default('dist/client'),
    'dist/client',
    'Folder of the built app (npm run build) that the collector serves.',
  ),
  ENROLLMENT_CODE_TTL_HOURS: setting(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .default(72),
    '72',
    "Hours an enrollment code stays valid (CLI: code create --hours overrides it); also the first administrator's setup link.",
  ),
  STAFF_SESSION_IDLE_MINUTES: setting(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    '60',
    'Minutes a staff sign-in lasts without use; each use starts them again.',
  ),
  STAFF_SESSION_MAX_HOURS: setting(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    '12',
    'Hours after which a staff sign-in ends however it is used.',
  ),
  TIME_ZONE: setting(
    z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Ljubljana').optional(),
    "the host's",
    "IANA time zone of the libraries, e.g. Europe/Budapest: the day a response counts on in the results (the host's zone when unset).",
  ),
  // What one device may send: a stolen token must not fill the results without end.
  DEVICE_RESPONSE_BURST: setting(
    z.coerce
      .number()
      .int()
      .min(MAX_BATCH_RESPONSES)
      .max(1_000_000)
      .default(DEFAULT_DEVICE_LIMITS.burst),
    String(DEFAULT_DEVICE_LIMITS.burst),
    `Responses a device may send at once (in batches of up to ${MAX_BATCH_RESPONSES}) before DEVICE_RESPONSES_PER_MINUTE applies: a bookmobile's week offline; over it, 429 with Retry-After.`,
  ),
  DEVICE_RESPONSES_PER_MINUTE: setting(
    z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_DEVICE_LIMITS.perMinute),
    String(DEFAULT_DEVICE_LIMITS.perMinute),
    'Responses a device may send per minute once its burst is spent (counted per collector process, in memory).',
  ),
  DEVICE_DAILY_RESPONSE_QUOTA: setting(
    z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_DEVICE_LIMITS.dailyQuota),
    String(DEFAULT_DEVICE_LIMITS.dailyQuota),
    'New responses stored per device per day (in TIME_ZONE, counted in the database); the rest wait on the device until the next day.',
  ),

  // What phones on public links (QR codes on posters) may send: scripts must not fill the results.
  PUBLIC_PER_ADDRESS_PER_HOUR: setting(
    z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_PUBLIC_LIMITS.perAddressPerHour),
    String(DEFAULT_PUBLIC_LIMITS.perAddressPerHour),
    "Responses a public link takes per hour from one client address (IPv6 by /64; TRUSTED_PROXIES says whose): a desk's visitors behind the library's Wi-Fi share one; over it, 429 with Retry-After.",
  ),
  PUBLIC_PER_PHONE_PER_DAY: setting(
    z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_PUBLIC_LIMITS.perPhonePerDay),
    String(DEFAULT_PUBLIC_LIMITS.perPhonePerDay),
    'Responses one phone may send per day (in TIME_ZONE) over public links: a phone answers once.',
  ),
  PUBLIC_LINK_DAILY_CEILING: setting(
    z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_PUBLIC_LIMITS.linkDailyCeiling),
    String(DEFAULT_PUBLIC_LIMITS.linkDailyCeiling),
    'Responses one public link takes per day (in TIME_ZONE) from everyone together; all three public limits are counted in the database, shared by collectors over one PostgreSQL.',
  ),

  // Who the throttles count behind a reverse proxy.
  TRUSTED_PROXIES: setting(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      )
      .refine((entries) => entries.every(isAddressOrRange), {
        message: 'must be IP addresses or CIDR ranges separated by commas',
      })
      .optional(),
    'unset',
    "Reverse proxies whose X-Forwarded-For names the client for the enrollment and sign-in throttles and the public links' limits: IPv4/IPv6 addresses and CIDR ranges, comma-separated.",
  ),
} as const;

/** The names of every environment variable the collector reads. */
export const CONFIG_VARIABLES = Object.keys(SETTINGS) as readonly (keyof typeof SETTINGS)[];

const ConfigSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([name, s]) => [name, s.schema])) as {
    [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K]['schema'];
  },
);

type RawConfig = z.infer<typeof ConfigSchema>;

export interface CollectorConfig {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  /** ALLOW_INSECURE_HTTP: a plain http:// PUBLIC_URL is allowed, LAN links are printed. */
  allowInsecureHttp: boolean;
  /** Absolute. */
  staticDir: string;
  enrollmentCodeTtlHours: number;
  /** IANA name: the zone of the day a response was answered on. */
  timeZone: string;
  staffSession: { idleMinutes: number; maxHours: number };
  /** DEVICE_RESPONSE_BURST, DEVICE_RESPONSES_PER_MINUTE, DEVICE_DAILY_RESPONSE_QUOTA. */
  deviceLimits: DeviceLimits;
  /** PUBLIC_PER_ADDRESS_PER_HOUR, PUBLIC_PER_PHONE_PER_DAY, PUBLIC_LINK_DAILY_CEILING. */
  publicLimits: PublicLimits;
  /** TRUSTED_PROXIES: addresses and CIDR ranges whose X-Forwarded-For is believed. */
  trustedProxies: readonly string[];
}

export class ConfigError extends Error {}

/** Reads the configuration from the environment; an invalid value names its variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
  defaultTimeZone = hostTimeZone(),
): CollectorConfig {
  // An empty variable (PUBLIC_URL= in a .env file) means "use the default".
  const present = Object.fromEntries(
    Object.keys(SETTINGS)
      .map((name) => [name, env[name]?.trim()])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = safeParseInput(ConfigSchema, present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'configuration');
    const setting: Setting<z.ZodType> | undefined = SETTINGS[name as keyof typeof SETTINGS];
    const shown = setting?.secret ? name : `${name}=${JSON.stringify(present[name] ?? '')}`;
    throw new ConfigError(`${shown} is invalid: ${issue?.message}. ${setting?.doc ?? ''}`.trim());
  }
  const raw: RawConfig = parsed.data;
  const insecure = raw.PUBLIC_URL && insecureUrlProblem(raw.PUBLIC_URL, raw.ALLOW_INSECURE_HTTP);
  if (insecure) {
    throw new ConfigError(
      `PUBLIC_URL=${JSON.stringify(present.PUBLIC_URL)} is invalid: ${insecure}.`,
    );
  }
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir: resolve(cwd, raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    publicUrl: raw.PUBLIC_URL,
    allowInsecureHttp: raw.ALLOW_INSECURE_HTTP,
    staticDir: resolve(cwd, raw.STATIC_DIR),
    enrollmentCodeTtlHours: raw.ENROLLMENT_CODE_TTL_HOURS,
    timeZone: raw.TIME_ZONE ?? defaultTimeZone,
    staffSession: {
      idleMinutes: raw.STAFF_SESSION_IDLE_MINUTES,
      maxHours: raw.STAFF_SESSION_MAX_HOURS,
    },
    deviceLimits: {
      burst: raw.DEVICE_RESPONSE_BURST,
      perMinute: raw.DEVICE_RESPONSES_PER_MINUTE,
      dailyQuota: raw.DEVICE_DAILY_RESPONSE_QUOTA,
    },
    publicLimits: {
      perAddressPerHour: raw.PUBLIC_PER_ADDRESS_PER_HOUR,
      perPhonePerDay: raw.PUBLIC_PER_PHONE_PER_DAY,
      linkDailyCeiling: raw.PUBLIC_LINK_DAILY_CEILING,
    },
    trustedProxies: raw.TRUSTED_PROXIES ?? [],
  };
}

/** The base of links printed for people: PUBLIC_URL, or this machine. */
export function publicBaseUrl(config: Pick<CollectorConfig, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** Documentation of every variable: plain text for `help`, Markdown for the README. */
export function renderConfigDocs(format: 'text' | 'markdown' = 'text'): string {
  const rows = Object.entries(SETTINGS).map(([name, s]) => ({ name, ...s }));
  if (format === 'markdown') {
    const cells = [
      ['variable', 'default', 'meaning'],
      ...rows.map((r) => [
        `\`${r.name}\``,
        r.shownDefault === 'unset' ? 'unset' : `\`${r.shownDefault}\``,
        r.doc,
      ]),
    ];
    // Columns padded as the formatter (Biome) lays out Markdown tables, so the README
    // can quote this output verbatim.
    const widths = [0, 1, 2].map((i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
    const line = (row: string[]) =>
      `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    const [header = [], ...body] = cells;
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
  }
  return rows.map((r) => `  ${r.name} (default: ${r.shownDefault})\n      ${r.doc}`).join('\n');
}
