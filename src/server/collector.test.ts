import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../test/fixtures/cli-host';
import { START, TEST_PASSWORD_COST } from '../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../test/fixtures/responses';
import { SURVEY_ID, surveyPackage } from '../../test/fixtures/survey-package';
import { type TestDatabase, testDialects } from '../../test/fixtures/test-databases';
import { ENROLLMENT_CODE_PATTERN } from '../shared/contract/device';
import { INSECURE_HTTP_WARNING } from './cli/serve';
import { main } from './collector';
import { CONFIG_VARIABLES } from './config';
import { createApp } from './http/app';
import { findBranch, findDevice, findSurveyPackage, listBranches } from './storage';

const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;
/** The CLI hashes passwords at the collector's full cost: a second each on a slow machine, 31 s for one test at load 15. */
const HASHING_TEST_TIMEOUT_MS = 120_000;
/** serve migrates, seeds and listens before a request: seconds on PostgreSQL on a busy machine. */
const SERVE_TEST_TIMEOUT_MS = 120_000;

/** What a command printed, line by line (a table is printed at once). */
const lines = (host: { output: string[] }) => host.output.join('\n').split('\n');

describe.each(testDialects)('the collector CLI on $name', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeEach(async () => {
    database = await dialect.create({ migrated: false });
    env = {
      ...database.env,
      HOST: '127.0.0.1',
      PORT: '0',
      STATIC_DIR: database.env.DATA_DIR,
      PUBLIC_URL: 'https://survey.library.example/',
    };
  });
  afterEach(() => database.drop());

  async function cli(...argv: string[]) {
    const host = testHost(env);
    await main(argv, host);
    return host;
  }

  /** Runs a command with `stdin` as its standard input. */
  async function cliWithStdin(stdin: string, ...argv: string[]) {
    const host = testHost(env);
    host.stdin = stdin;
    await main(argv, host);
    return host;
  }

  /** Runs `serve` until it listens, then stops it; returns what it printed. */
  async function serveOnce(host = testHost(env)) {
    const running = main(['serve'], host);
    const listening = await Promise.race([
      host.waitFor(/listening on (http:\/\/localhost:\d+)/),
      running.then(() => null),
    ]);
    if (listening) {
      const health = await fetch(`${listening[1]}/api/v1/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: dialect.name });
      host.stop();
    }
    await running;
    return host;
  }

  it('lists its commands and every configuration variable in help', async () => {
    const host = await cli('help');
    const text = host.output.join('\n');
    for (const words of [
      'serve',
      'branch add',
      'branch set',
      'code create',
      'device revoke',
      'survey import',
      'user add',
      'user list',
      'user disable',
      'user reset',
      'migrate',
    ]) {
      expect(text).toContain(words);
    }
    for (const variable of CONFIG_VARIABLES) {
      expect(text).toContain(variable);
    }
  });

  it.each([
    [['frobnicate'], 2, 'unknown command'],
    // Names every object has from its prototype are no commands.
    [['constructor'], 2, 'unknown command "constructor"'],
    [['toString'], 2, 'unknown command "toString"'],
    [['__proto__'], 2, 'unknown command "__proto__"'],
    [['hasOwnProperty'], 2, 'unknown command "hasOwnProperty"'],
    [['valueOf', 'x'], 2, 'unknown command "valueOf x"'],
    [['branch', 'add'], 2, 'usage: branch add'],
    [['branch', 'list', '--hours', '3'], 2, "Unknown option '--hours'"],
    [['branch', 'add', 'East Side', 'East'], 1, 'cannot be a branch id'],
    [['branch', 'add', 'east', 'East \u202eyrarbil'], 1, 'the branch name contains an invisible'],
    [['branch', 'add', 'east', 'East\u200b library'], 1, 'the branch name contains an invisible'],
    [['branch', 'add', 'east', 'East\u0007 library'], 1, 'the branch name contains a control'],
    [['branch', 'set', 'main', '--name', '\u2067Main\u2069'], 1, '--name contains an invisible'],
    [['code', 'create'], 1, '--branch'],
    [['code', 'create', '--branch', 'nowhere'], 1, 'there is no branch "nowhere"'],
    [['device', 'revoke', 'nobody'], 1, 'there is no device "nobody"'],
    [['survey', 'import', 'missing.json'], 1, 'cannot read'],
    [['user', 'add', 'ana@library.example'], 1, 'say which role: --role admin'],
    [['user', 'add', 'ana@library.example', '--role', 'admin'], 1, '--password-stdin'],
    [['user', 'disable', 'nobody@library.example'], 1, 'there is no account'],
    [['user', 'reset', 'nobody@library.example'], 1, '--password-stdin'],
  ])('refuses %j with exit code %i and one line', async (argv, exitCode, message) => {
    const host = await cli(...argv);
    expect(host.exitCode).toBe(exitCode);
    expect(host.errors).toHaveLength(1);
    expect(host.errors[0]).toContain(message);
  });

  it('stops before starting when a variable is invalid, naming it', async () => {
    env.PORT = 'eighty';
    const host = await cli('serve');
    expect(host.exitCode).toBe(1);
    expect(host.errors[0]).toMatch(/^collector: PORT="eighty" is invalid/);
  });

  it('serves without a word about plain HTTP unless ALLOW_INSECURE_HTTP is set', async () => {
    expect((await serveOnce()).errors.join('\n')).not.toContain('ALLOW_INSECURE_HTTP');
  });

  it('says at start, in one line, why ALLOW_INSECURE_HTTP is dangerous', async () => {
    env.ALLOW_INSECURE_HTTP = '1';
    env.PUBLIC_URL = 'http://192.168.1.10:8787';
    const host = await serveOnce();
    expect(host.errors.filter((line) => line.includes('ALLOW_INSECURE_HTTP'))).toEqual([
      INSECURE_HTTP_WARNING,
    ]);
    expect(INSECURE_HTTP_WARNING).toMatch(/plain HTTP.*tokens.*closed test network/);
  });

  it('migrates once', async () => {
    expect((await cli('migrate')).output[0]).toContain('Applied 0001-initial');
    expect((await cli('migrate')).output[0]).toContain('is up to date');
  });

  it('on the first start makes the main branch and prints a one-time enrollment link', async () => {
    const host = await serveOnce();
    expect(host.exitCode).toBe(0);
    expect(host.output.slice(0, 2)).toEqual([
      'Database prepared: 0001-initial, 0002-survey-texts-source, 0003-staff-accounts, 0004-results, 0005-results-covering, 0006-branch-sent-retention, 0007-device-limits, 0008-public-links, 0009-branch-staff-pin, 0010-places-and-result-slices, 0011-branch-hours-and-look, 0012-device-health, 0013-device-day-counts.',
      `Survey ${SURVEY_ID} v1: stored.`,
    ]);
    const text = host.output.join('\n');
    const link = /https:\/\/survey\.library\.example\/#enroll=([0-9A-Z-]+)/.exec(text);
    expect(link?.[1]).toMatch(ENROLLMENT_CODE_PATTERN);
    expect(text).toContain('until 2026-11-23 10:00 UTC');
    expect(host.output.at(-1)).toBe('Stopping (SIGTERM)…');
    expect(await findBranch(database.storage, 'main')).toMatchObject({
      name: 'Main library',
      surveyId: SURVEY_ID,
    });

    // The printed code enrolls one device.
    // The app on the CLI's clock: the printed code expires 72 hours after START.
    const app = createApp({
      storage: database.storage,
      staticDir: env.STATIC_DIR ?? '',
      now: () => START,
    });
    const enroll = (deviceId: string) =>
      app.request('/api/v1/enroll', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: link?.[1], deviceId }),
      });
    expect((await enroll(DEVICE_ID)).status).toBe(200);
    expect((await enroll('0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b')).status).toBe(409);

    const again = await serveOnce();
    expect(again.output.join('\n')).not.toContain('#enroll=');
    expect(await listBranches(database.storage)).toHaveLength(1);
  });

  it('prints a one-time setup link for the first administrator while there is none', async () => {
    const host = await serveOnce();
    const text = host.output.join('\n');
    const link = /https:\/\/survey\.library\.example\/admin\/#setup=([A-Za-z0-9_-]{43})\n/.exec(
      `${text}\n`,
    );
    expect(link).not.toBeNull();
    expect(text).toContain('No administrator yet.');
    // A restart while the link is valid prints none: one link at a time.
    expect((await serveOnce()).output.join('\n')).not.toContain('#setup=');

    const app = createApp({
      storage: database.storage,
      staticDir: env.STATIC_DIR ?? '',
      now: () => START,
      publicUrl: env.PUBLIC_URL,
      // A cheap hash: this test is about the link, and a full-cost one may take seconds on a busy machine.
      passwordCost: TEST_PASSWORD_COST,
    });
    const setUp = (email: string) =>
      app.request('/api/v1/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://survey.library.example' },
        body: JSON.stringify({ token: link?.[1], email, password: 'a long enough password' }),
      });
    const made = await setUp('ana@library.example');
    expect(made.status).toBe(200);
    const cookie = made.headers.get('set-cookie') ?? '';
    for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/']) {
      expect(cookie.split('; ')).toContain(attribute);
    }
    expect((await setUp('bo@library.example')).status).toBe(403);
    expect(lines(await cli('user', 'list'))[1]).toMatch(/^ana@library\.example\s+admin\s+-\s+no/);
  });

  it(
    'adds, lists, disables and resets staff accounts, the password from standard input',
    async () => {
      await cli('branch', 'add', 'east', 'East library');
      const PASSWORD = 'a long enough password';
      expect(
        (
          await cliWithStdin(
            `${PASSWORD}\n`,
            'user',
            'add',
            'Ana@Library.example',
            '--role',
            'admin',
            '--password-stdin',
          )
        ).output,
      ).toEqual([
        'Added administrator ana@library.example.',
        'They sign in at https://survey.library.example/admin/',
      ]);
      const branch = ['user', 'add', 'bo@library.example', '--role', 'branch', '--password-stdin'];
      expect((await cliWithStdin(PASSWORD, ...branch, '--branch', 'east')).output[0]).toBe(
        'Added branch staff bo@library.example (branch east).',
      );

      const list = lines(await cli('user', 'list'));
      expect(list[0]).toMatch(/^EMAIL\s+ROLE\s+BRANCH\s+DISABLED\s+CREATED$/);
      expect(list[1]).toMatch(/^ana@library\.example\s+admin\s+-\s+no\s+2026-11-20 10:00 UTC$/);
      expect(list[2]).toMatch(/^bo@library\.example\s+branch\s+east\s+no/);

      expect((await cli('user', 'disable', 'BO@library.example')).output).toEqual([
        'Disabled bo@library.example; ended 0 session(s).',
      ]);
      expect((await cli('user', 'disable', 'bo@library.example')).errors[0]).toContain(
        'was disabled already',
      );
      expect(lines(await cli('user', 'list'))[2]).toMatch(/east\s+2026-11-20 10:00 UTC\s+2026/);

      const reset = await cliWithStdin(
        'another long password\n',
        'user',
        'reset',
        'bo@library.example',
        '--password-stdin',
      );
      expect(reset.output).toEqual([
        'Set a new password for bo@library.example; ended 0 session(s).',
        'The account stays disabled.',
      ]);
    },
    HASHING_TEST_TIMEOUT_MS,
  );

  it.each([
    [['--role', 'branch'], 'a long enough password', 'say which with --branch'],
    [
      ['--role', 'branch', '--branch', 'nowhere'],
      'a long enough password',
      'there is no branch "nowhere"',
    ],
    [['--role', 'admin'], 'short', 'the password must be 12 to 256 characters long (it has 5)'],
    [['--role', 'admin'], '', 'the password must be 12 to 256 characters long (it has 0)'],
  ])(
    'refuses user add with %j and password %j, in one line',
    async (options, password, message) => {
      const host = await cliWithStdin(
        password,
        'user',
        'add',
        'ana@library.example',
        ...options,
        '--password-stdin',
      );
      expect(host.exitCode).toBe(1);
      expect(host.errors).toEqual([expect.stringContaining(message)]);
    },
  );

  it(
    'refuses an email that has an account, and an address that is not one',
    async () => {
      const add = (email: string) =>
        cliWithStdin(
          'a long enough password',
          'user',
          'add',
          email,
          '--role',
          'admin',
          '--password-stdin',
        );
      expect((await add('ana@library.example')).exitCode).toBe(0);
      expect((await add('ANA@library.example')).errors[0]).toContain('has an account already');
      expect((await add('ana')).errors[0]).toContain('is not an email address');
    },
    HASHING_TEST_TIMEOUT_MS,
  );

  it('seeds the built-in surveys: a missing version is stored, changed texts are updated', async () => {
    await serveOnce();
    const before = await findSurveyPackage(database.storage, SURVEY_ID, 1);
    const host = testHost(env);
    const texts = { ...surveyPackage().translations.en, intro: 'A shorter introduction.' };
    host.packages = [
      surveyPackage({}, texts as Parameters<typeof surveyPackage>[1]),
      surveyPackage({ version: 2 }),
    ];
    await serveOnce(host);
    expect(host.output).toContain(`Survey ${SURVEY_ID} v1: texts updated to the built-in ones.`);
    expect(host.output).toContain(`Survey ${SURVEY_ID} v2: stored.`);
    const after = await findSurveyPackage(database.storage, SURVEY_ID, 1);
    expect(after?.etag).not.toBe(before?.etag);
    expect(after?.translations.en?.intro).toBe('A shorter introduction.');
  });

  it('keeps texts staff imported over the built-in ones across restarts', async () => {
    await serveOnce();
    const texts = { ...surveyPackage().translations.en, intro: 'Corrected by the library.' };
    const file = join(database.env.DATA_DIR, 'corrected.json');
    writeFileSync(
      file,
      JSON.stringify(surveyPackage({}, texts as Parameters<typeof surveyPackage>[1])),
    );
    expect((await cli('survey', 'import', file)).output[0]).toContain('Updated the texts');

    const host = await serveOnce();
    expect(host.output).toContain(
      `Survey ${SURVEY_ID} v1: kept the texts staff imported (the built-in ones differ).`,
    );
    const stored = await findSurveyPackage(database.storage, SURVEY_ID, 1);
    expect(stored?.translations.en?.intro).toBe('Corrected by the library.');
  });

  it('refuses to start when a built-in survey changed its structure under the same version', async () => {
    await serveOnce();
    const host = testHost(env);
    host.packages = [
      surveyPackage({ questions: surveyPackage().questions.filter((q) => q.id !== 'recommend') }),
    ];
    await serveOnce(host);
    expect(host.exitCode).toBe(1);
    expect(host.errors[0]).toContain('raise "version"');
  });

  it('adds, lists and changes branches', async () => {
    expect((await cli('branch', 'add', 'east', 'East', 'library')).output[0]).toBe(
      `Added branch east (East library), running ${SURVEY_ID}.`,
    );
    expect((await cli('branch', 'add', 'east', 'Again')).errors[0]).toContain('exists already');
    await cli('migrate');
    const set = await cli(
      'branch',
      'set',
      'east',
      '--idle-seconds',
      '90',
      '--default-locale',
      'sl',
      '--name',
      'East Side',
    );
    expect(set.exitCode).toBe(0);
    expect(set.output[0]).toContain('idle 90 s, warning 30 s, thanks 8 s, language sl');
    expect(await findBranch(database.storage, 'east')).toMatchObject({
      name: 'East Side',
      kioskOverrides: { idleTimeoutSeconds: 90, defaultLocale: 'sl' },
    });
    const list = await cli('branch', 'list');
    expect(list.output[0]).toMatch(/^BRANCH\s+NAME\s+SURVEY\s+DEVICES\s+KIOSK/);
    expect(list.output[0]).toContain('east    East Side');
    expect(list.output[0]).toContain('language sl, sent kept 1 day');
  });

  it.each([
    ['3', 3, 'sent kept 3 days'],
    ['0', 0, 'sent kept 0 days'],
    ['7', 7, 'sent kept 7 days'],
  ])(
    'sets how long devices keep sent responses: --keep-sent-days %s',
    async (days, stored, said) => {
      await cli('branch', 'add', 'east', 'East');
      expect((await findBranch(database.storage, 'east'))?.sentKeptDays).toBe(1);
      const host = await cli('branch', 'set', 'east', '--keep-sent-days', days);
      expect(host.exitCode).toBe(0);
      expect(host.output[0]).toContain(said);
      expect(await findBranch(database.storage, 'east')).toMatchObject({
        sentKeptDays: stored,
        kioskOverrides: {},
      });
    },
  );

  it.each([
    [['--idle-seconds', '5'], '--idle-seconds: Too small'],
    [['--warning-seconds', 'soon'], '--warning-seconds must be a whole number'],
    [['--default-locale', 'de'], '--default-locale: Invalid option'],
    [
      ['--keep-sent-days', '8'],
      '--keep-sent-days must be from 0 (delete once the collector has them) to 7, not 8',
    ],
    [['--keep-sent-days', 'a week'], '--keep-sent-days must be a whole number'],
    [['--survey', 'no-such-survey'], 'survey "no-such-survey" is not on the collector'],
    [[], 'nothing to change'],
  ])('refuses branch set with %j, saying why', async (options, message) => {
    await cli('branch', 'add', 'east', 'East');
    const host = await cli('branch', 'set', 'east', ...options);
    expect(host.exitCode).toBe(1);
    expect(host.errors[0]).toContain(message);
  });

  it('makes enrollment codes, lists devices and revokes one', async () => {
    await cli('branch', 'add', 'east', 'East library');
    const made = await cli('code', 'create', '--branch', 'east', '--hours', '2');
    const code = CODE.exec(made.output[0] ?? '')?.[0];
    expect(made.output).toEqual([
      `Enrollment code for East library (east): ${code}`,
      `Open on the device: https://survey.library.example/#enroll=${code}`,
      'Valid once, until 2026-11-20 12:00 UTC.',
    ]);

    expect((await cli('device', 'list')).output).toEqual(['No devices enrolled yet.']);
    const app = createApp({
      storage: database.storage,
      staticDir: env.STATIC_DIR ?? '',
      now: () => START,
    });
    const enrolled = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId: DEVICE_ID, deviceName: 'Entrance tablet' }),
    });
    expect(enrolled.status).toBe(200);

    const list = lines(await cli('device', 'list', '--branch', 'east'));
    expect(list[0]).toMatch(
      /^DEVICE\s+NAME\s+BRANCH\s+ENROLLED\s+LAST SEEN\s+REVOKED\s+VERSION\s+WAITING\s+QUARANTINED\s+STORAGE USED\s+PERSISTENT\s+REPORTED\s+ATTENTION$/,
    );
    expect(list[1]).toContain(`${DEVICE_ID}  Entrance tablet  east`);
    // Enrolled, not revoked, and no health report before its first sync.
    expect(list[1]).toMatch(/2026-11-20 10:00 UTC\s+no\s+-\s+-\s+-\s+-\s+-\s+not reported\s+-$/);

    expect((await cli('device', 'revoke', DEVICE_ID)).output[0]).toBe(
      `Revoked ${DEVICE_ID} (Entrance tablet) of branch east.`,
    );
    expect((await findDevice(database.storage, DEVICE_ID))?.revokedAt).toBe(START.toISOString());
    expect((await cli('device', 'revoke', DEVICE_ID)).errors[0]).toContain('was revoked already');
  });

  it('imports a survey package as a new version and refuses a changed structure under an old one', async () => {
    const file = (name: string, content: unknown) => {
      const path = join(database.env.DATA_DIR, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    await cli('migrate');
    const v2 = file('v2.json', surveyPackage({ version: 2 }));
    expect((await cli('survey', 'import', v2)).output[0]).toBe(
      `Imported survey ${SURVEY_ID} v2. Devices use it from their next respondent on.`,
    );
    expect((await cli('survey', 'import', v2)).output[0]).toBe(
      `survey ${SURVEY_ID} v2 is stored already, unchanged.`,
    );

    const changed = surveyPackage({ version: 2, questions: surveyPackage().questions.slice(1) });
    const refused = await cli('survey', 'import', file('changed.json', changed));
    expect(refused.exitCode).toBe(1);
    expect(refused.errors[0]).toContain('raise "version" (to 3 or more)');

    const { translations, ...structure } = surveyPackage({ version: 3 });
    const incomplete = await cli(
      'survey',
      'import',
      file('incomplete.json', { ...structure, translations: { en: translations.en } }),
    );
    expect(incomplete.exitCode).toBe(1);
    expect(incomplete.errors).toHaveLength(1);
    expect(incomplete.errors[0]).toContain('translations.hu is missing');

    expect((await cli('survey', 'import', file('broken.json', '{"id": '))).errors[0]).toContain(
      'cannot read',
    );

    const list = lines(await cli('survey', 'list'));
    expect(list[0]).toMatch(/^SURVEY\s+VERSION\s+STORED\s+LATEST$/);
    expect(list[1]).toMatch(new RegExp(`^${SURVEY_ID}\\s+2\\s+2026-11-20 10:00 UTC\\s+yes$`));
  });

  it(
    'serve gives the app the device limits of its environment',
    async () => {
      const host = testHost({ ...env, DEVICE_DAILY_RESPONSE_QUOTA: '1' });
      const running = main(['serve'], host);
      try {
        const [, base] = await host.waitFor(/listening on (http:\/\/localhost:\d+)/);
        const [, code] = await host.waitFor(/#enroll=([0-9A-Z-]+)/);
        const enrolled = await fetch(`${base}/api/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, deviceId: DEVICE_ID }),
        });
        const { token } = (await enrolled.json()) as { token: string };
        const send = () =>
          fetch(`${base}/api/v1/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ responses: [makeResponse()] }),
          });
        expect((await send()).status).toBe(200);
        const over = await send();
        expect(over.status).toBe(429);
        expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
      } finally {
        host.stop();
        await running;
      }
    },
    SERVE_TEST_TIMEOUT_MS,
  );
});

describe('the collector CLI without its database', () => {
  it('says which database it cannot reach, in one line', async () => {
    const host = testHost({ DATABASE_URL: 'postgres://survey@127.0.0.1:1/survey', PORT: '0' });
    await main(['branch', 'list'], host);
    expect(host.exitCode).toBe(1);
    expect(host.errors).toEqual([
      expect.stringMatching(
        /^collector: cannot prepare the database \(PostgreSQL at 127\.0\.0\.1:1\/survey\): /,
      ),
    ]);
  });

  it('refuses to start while a built-in survey is incomplete, saying what is missing', async () => {
    const host = testHost({ DATA_DIR: '/nonexistent/never-created' });
    host.builtInPackages = () => {
      throw new Error(
        'built-in survey library-service-quality is incomplete:\n✖ is missing\n  → at translations.hu',
      );
    };
    await main(['serve'], host);
    expect(host.exitCode).toBe(1);
    expect(host.errors).toEqual([
      'collector: built-in survey library-service-quality is incomplete: ✖ is missing → at translations.hu',
    ]);
  });
});
