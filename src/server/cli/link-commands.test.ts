/** link create, list and revoke, run as the CLI over a collector's database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { makePhoneResponse } from '../../../test/fixtures/responses';
import { SURVEY_ID } from '../../../test/fixtures/survey-package';
import { testDialects } from '../../../test/fixtures/test-databases';
import { LINK_TOKEN_PATTERN } from '../../shared/contract/public-link';
import { main } from '../collector';
import { findPublicLink, listPublicLinks } from '../storage';

const PUBLIC_URL = 'https://survey.library.example';

describe.each(testDialects)('the link commands on $name', (dialect) => {
  let collector: TestCollector;

  async function cli(...argv: string[]) {
    const host = testHost({ ...collector.database.env, TIME_ZONE, PUBLIC_URL });
    await main(argv, host);
    return host;
  }

  /** Creates a link with the CLI and returns its token. */
  async function create(...options: string[]): Promise<string> {
    const host = await cli('link', 'create', ...options);
    expect(host.errors).toEqual([]);
    const token = /: ([A-Za-z0-9_-]{32})$/.exec(host.output[0] ?? '')?.[1];
    if (!token) throw new Error(`no token printed: ${host.output.join('\n')}`);
    return token;
  }

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
  });
  afterEach(() => collector.close());

  it('makes a link for the branch’s survey, printing its token, the phone’s address and the poster’s', async () => {
    const host = await cli('link', 'create', '--branch', 'bookmobile');
    const token = /: (\S+)$/.exec(host.output[0] ?? '')?.[1] ?? '';
    expect(token).toMatch(LINK_TOKEN_PATTERN);
    expect(host.output).toEqual([
      `Public link for Bookmobile (bookmobile), survey ${SURVEY_ID}: ${token}`,
      `Phones open: ${PUBLIC_URL}/s/${token}`,
      `Poster to print: ${PUBLIC_URL}/s/${token}/poster`,
      `It takes responses until you close it: link revoke ${token}`,
    ]);
    expect(await findPublicLink(collector.database.storage, token)).toMatchObject({
      branchId: 'bookmobile',
      surveyId: SURVEY_ID,
      until: null,
      revokedAt: null,
    });
  });

  it('ends a link given a day at that day’s end in TIME_ZONE, or at an instant given', async () => {
    const byDay = await create('--branch', 'main', '--until', '2026-11-30');
    // Midnight after 30 November in Ljubljana is 23:00 UTC.
    expect((await findPublicLink(collector.database.storage, byDay))?.until).toBe(
      '2026-11-30T22:59:59.999Z',
    );
    const byInstant = await create('--branch', 'main', '--until', '2026-11-21T18:00+01:00');
    expect((await findPublicLink(collector.database.storage, byInstant))?.until).toBe(
      '2026-11-21T17:00:00.000Z',
    );
  });

  it('lists links with their state, end and responses', async () => {
    const open = await create('--branch', 'main', '--until', '2026-11-30');
    const revoked = await create('--branch', 'bookmobile');
    await cli('link', 'revoke', revoked);
    await collector.syncPublic(open, [makePhoneResponse(), makePhoneResponse()]);
    const lines = (await cli('link', 'list')).output.join('\n').split('\n');
    expect(lines[0]).toMatch(/^TOKEN\s+BRANCH\s+SURVEY\s+STATE\s+UNTIL\s+RESPONSES\s+DEVICE$/);
    const rows = lines.slice(1).map((line) => line.split(/\s{2,}/));
    const deviceOf = async (token: string) =>
      (await findPublicLink(collector.database.storage, token))?.deviceId;
    expect(rows).toEqual(
      expect.arrayContaining([
        [open, 'main', SURVEY_ID, 'open', '2026-11-30 22:59 UTC', '2', await deviceOf(open)],
        [
          revoked,
          'bookmobile',
          SURVEY_ID,
          'closed (revoked)',
          'none',
          '0',
          await deviceOf(revoked),
        ],
      ]),
    );
    expect(rows).toHaveLength(2);
    const bookmobile = (await cli('link', 'list', '--branch', 'bookmobile')).output.join('\n');
    expect(bookmobile).toContain(revoked);
    expect(bookmobile).not.toContain(open);
  });

  it('lists a link past its end as closed (expired)', async () => {
    await create('--branch', 'main', '--until', '2026-11-20T12:00Z');
    const host = testHost({ ...collector.database.env, TIME_ZONE });
    host.now = () => new Date('2026-11-20T12:00:00.001Z');
    await main(['link', 'list'], host);
    expect(host.output.join('\n')).toContain('closed (expired)');
  });

  it('says when there are no links', async () => {
    expect((await cli('link', 'list')).output).toEqual([
      'No public links yet (link create --branch <id> makes one).',
    ]);
  });

  it('takes what a link brought in out of the results with device quarantine, by the device it names', async () => {
    const token = await create('--branch', 'main');
    await collector.syncPublic(token, [makePhoneResponse(), makePhoneResponse()]);
    const link = await findPublicLink(collector.database.storage, token);
    const host = await cli('device', 'quarantine', link?.deviceId ?? '', '--from', '2026-11-20');
    expect(host.exitCode).toBe(0);
    expect(host.output[0]).toContain('Took 2 responses');
    expect((await listPublicLinks(collector.database.storage))[0]?.responses).toBe(0);
  });

  it('revokes a link once, and says so when asked again', async () => {
    const token = await create('--branch', 'main');
    const first = await cli('link', 'revoke', token);
    expect(first.exitCode).toBe(0);
    const link = await findPublicLink(collector.database.storage, token);
    expect(first.output).toEqual([
      `Revoked link ${token} of branch main (survey ${SURVEY_ID}): phones that open it are told the survey is closed.`,
      'The responses it brought in stay in the results. Take its posters down too.',
      `To take what it brought in from a day on out of the results: device quarantine ${link?.deviceId} --from YYYY-MM-DD`,
    ]);
    const again = await cli('link', 'revoke', token);
    expect(again.exitCode).toBe(0);
    expect(again.output).toEqual([
      `Link ${token} was revoked already, on 2026-11-20 10:00 UTC; nothing changed.`,
    ]);
  });

  it.each([
    [['link', 'create'], 'say which branch: --branch <id>'],
    [['link', 'create', '--branch', 'nowhere'], 'there is no branch "nowhere"'],
    [['link', 'create', '--branch', 'main', '--survey', 'nope'], 'there is no survey "nope"'],
    [['link', 'create', '--branch', 'main', '--until', '2026-11-19'], 'has passed already'],
    [['link', 'create', '--branch', 'main', '--until', '2026-02-30'], 'no date in the calendar'],
    [['link', 'create', '--branch', 'main', '--until', 'next friday'], 'neither a day (YYYY-MM-DD'],
    [['link', 'revoke', 'x'.repeat(32)], `there is no public link "${'x'.repeat(32)}"`],
  ])('refuses %j: %s, making nothing', async (argv, message) => {
    const host = await cli(...argv);
    expect(host.exitCode).toBe(1);
    expect(host.errors.join('\n')).toContain(message);
    expect(await listPublicLinks(collector.database.storage)).toEqual([]);
  });
});
