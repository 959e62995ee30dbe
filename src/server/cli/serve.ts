/**
 * serve: prepare the database (migrations, built-in surveys, first-start branch, the first
 * administrator's setup link), listen, and stop cleanly on SIGINT/SIGTERM. migrate: only
 * the first step, for deployments that run it separately.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { type CollectorConfig, publicBaseUrl } from '../config';
import { createApp } from '../http/app';
import { listen } from '../listen';
import { prepareCollector } from '../startup';
import { dataDirWarning, openStorage } from '../storage';
import type { PublishAction } from '../surveys/publish';
import { type Command, CommandError, describeDatabase, migrateOrExplain } from './command';
import { enrollmentLink } from './device-commands';
import { formatTime } from './text';

/** Said at start when ALLOW_INSECURE_HTTP is set, so nobody leaves it on by mistake. */
export const INSECURE_HTTP_WARNING =
  "ALLOW_INSECURE_HTTP is set: devices may reach the collector over plain HTTP, where anyone on the network can read device tokens, staff passwords and patrons' answers, and fake the acknowledgement of responses that were never stored. Use it only on a closed test network.";

/**
 * Plain-HTTP links for tablets on the library network: only where the operator chose plain
 * HTTP (ALLOW_INSECURE_HTTP) and listens on every interface; otherwise devices use
 * PUBLIC_URL, through the TLS proxy.
 */
export function lanLinks(
  config: Pick<CollectorConfig, 'host' | 'allowInsecureHttp'>,
  port: number,
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  if (!config.allowInsecureHttp || (config.host !== '0.0.0.0' && config.host !== '::')) return [];
  return Object.values(interfaces)
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a?.address}:${port}`);
}

/** The link that opens the staff app ready to make the first administrator. */
export function setupLink(baseUrl: string, token: string): string {
  return `${baseUrl}/admin/#setup=${token}`;
}

/** What start-up did with a built-in survey, as the log says it. */
const SEEDED: Record<PublishAction, string> = {
  inserted: 'stored',
  unchanged: 'unchanged',
  'texts-updated': 'texts updated to the built-in ones',
  'imported-texts-kept': 'kept the texts staff imported (the built-in ones differ)',
};

export const serveCommand: Command = {
  usage: 'serve',
  summary: 'start the collector: the app and the API on one port (the default command)',
  positionals: [0, 0],
  async run({ host, config }) {
    let packages: ReturnType<typeof host.builtInPackages>;
    try {
      packages = host.builtInPackages();
    } catch (error) {
      throw new CommandError(error instanceof Error ? error.message : String(error));
    }
    const storage = openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    try {
      const openFolder = config.databaseUrl ? undefined : dataDirWarning(config.dataDir);
      if (openFolder) host.err(openFolder);
      const migrations = await migrateOrExplain(storage, config);
      const prepared = await prepareCollector(storage, {
        packages,
        enrollmentCodeTtlHours: config.enrollmentCodeTtlHours,
        now: host.now(),
        timeZone: config.timeZone,
      });
      if (migrations.length > 0) host.out(`Database prepared: ${migrations.join(', ')}.`);
      for (const s of prepared.surveys.filter((s) => s.action !== 'unchanged')) {
        host.out(`Survey ${s.surveyId} v${s.version}: ${SEEDED[s.action]}.`);
      }
      if (prepared.counted > 0)
        host.out(
          `Results: counted ${prepared.counted} responses stored before the results existed.`,
        );
      if (!existsSync(join(config.staticDir, 'index.html'))) {
        host.err(
          `The app is not built (nothing in ${config.staticDir}): run npm run build. The API works meanwhile.`,
        );
      }
      const app = createApp({
        storage,
        staticDir: config.staticDir,
        timeZone: config.timeZone,
        now: () => host.now(),
        publicUrl: config.publicUrl,
        staffSession: config.staffSession,
        deviceLimits: config.deviceLimits,
        publicLimits: config.publicLimits,
        trustedProxies: config.trustedProxies,
      });
      const server = await listen(app.fetch, {
        port: config.port,
        host: config.host,
      });
      const base = publicBaseUrl({ ...config, port: server.port });
      host.out(
        `Collector listening on http://localhost:${server.port} (${describeDatabase(config)}).`,
      );
      if (config.allowInsecureHttp) host.err(INSECURE_HTTP_WARNING);
      for (const link of lanLinks(config, server.port))
        host.out(`  on the library network: ${link}`);
      if (prepared.firstStart) {
        const { code, expiresAt } = prepared.firstStart;
        host.out('');
        host.out(
          'First start: made the branch "main" (Main library). Enroll the first device by opening',
        );
        host.out(`  ${enrollmentLink(base, code)}`);
        host.out(`or typing the code ${code} on it. Valid once, until ${formatTime(expiresAt)}.`);
      }
      if (prepared.firstAdmin) {
        const { token, expiresAt } = prepared.firstAdmin;
        host.out('');
        host.out('No administrator yet. Create the first one (sees every branch) by opening');
        host.out(`  ${setupLink(base, token)}`);
        host.out(
          `Valid once, until ${formatTime(expiresAt)}; or: npm run collector -- user add <email> --role admin --password-stdin`,
        );
      }
      const signal = await host.stopSignal();
      host.out(`Stopping (${signal})…`);
      await server.close();
    } finally {
      await storage.close();
    }
  },
};

export const migrateCommand: Command = {
  usage: 'migrate',
  summary: 'bring the database schema up to date, then exit',
  positionals: [0, 0],
  async run({ host, config }) {
    const storage = openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    try {
      const applied = await migrateOrExplain(storage, config);
      host.out(
        applied.length > 0
          ? `Applied ${applied.join(', ')} to ${describeDatabase(config)}.`
          : `${describeDatabase(config)} is up to date.`,
      );
    } finally {
      await storage.close();
    }
  },
};
