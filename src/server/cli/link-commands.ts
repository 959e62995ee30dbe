/**
 * link create | list | revoke: the public links staff print as QR codes on posters, for
 * visitors to answer on their own phones.
 */
import { posterPath, publicLinkPath } from '../../shared/contract/public-link';
import { publicBaseUrl } from '../config';
import { generateLinkToken, linkState, parseUntil } from '../public/links';
import {
  createPublicLink,
  findBranch,
  findPublicLink,
  latestSurveyVersion,
  listPublicLinks,
  type PublicLinkRecord,
  revokePublicLink,
  timestamp,
} from '../storage';
import { type Command, CommandError, withStorage } from './command';
import { formatTable, formatTime } from './text';

/** "open", or "closed (revoked)" / "closed (expired)". */
function stateText(link: PublicLinkRecord, now: Date): string {
  const { state, closedReason } = linkState(link, now);
  return state === 'open' ? 'open' : `closed (${closedReason})`;
}

export const linkCreate: Command = {
  usage: 'link create --branch <id> [--survey <id>] [--until YYYY-MM-DD | <instant>]',
  summary:
    'make a public link (a poster’s QR code) for phones to answer a branch’s survey; --until ends it (a day ends at midnight in TIME_ZONE)',
  options: { branch: { type: 'string' }, survey: { type: 'string' }, until: { type: 'string' } },
  positionals: [0, 0],
  async run({ host, config, options }) {
    const branchId = options.branch;
    if (typeof branchId !== 'string') throw new CommandError('say which branch: --branch <id>');
    const now = host.now();
    let until: Date | undefined;
    if (typeof options.until === 'string') {
      try {
        until = parseUntil(options.until, config.timeZone, now);
      } catch (error) {
        throw new CommandError(`--until: ${error instanceof Error ? error.message : error}`);
      }
    }
    const { link, branchName } = await withStorage(config, async (storage) => {
      const branch = await findBranch(storage, branchId);
      if (!branch) throw new CommandError(`there is no branch "${branchId}" (see: branch list)`);
      const surveyId = typeof options.survey === 'string' ? options.survey : branch.surveyId;
      if ((await latestSurveyVersion(storage, surveyId)) === undefined) {
        throw new CommandError(
          `there is no survey "${surveyId}" on the collector (see: survey list; survey import adds one)`,
        );
      }
      const created = await createPublicLink(storage, {
        token: generateLinkToken(),
        branchId,
        surveyId,
        at: timestamp(now),
        until: until ? timestamp(until) : null,
      });
      return { link: created, branchName: branch.name };
    });
    const base = publicBaseUrl(config);
    host.out(
      `Public link for ${branchName} (${link.branchId}), survey ${link.surveyId}: ${link.token}`,
    );
    host.out(`Phones open: ${base}${publicLinkPath(link.token)}`);
    host.out(`Poster to print: ${base}${posterPath(link.token)}`);
    host.out(
      link.until
        ? `It takes responses until ${formatTime(link.until)}; link revoke ${link.token} closes it sooner.`
        : `It takes responses until you close it: link revoke ${link.token}`,
    );
  },
};

export const linkList: Command = {
  usage: 'link list [--branch <id>]',
  summary:
    'list public links: token, branch, survey, open or closed and why, until, responses, and the device its responses are stored under',
  options: { branch: { type: 'string' } },
  positionals: [0, 0],
  async run({ host, config, options }) {
    const branchId = typeof options.branch === 'string' ? options.branch : undefined;
    const links = await withStorage(config, (storage) => listPublicLinks(storage, { branchId }));
    if (links.length === 0) {
      host.out(
        branchId
          ? `No public links in branch ${branchId}.`
          : 'No public links yet (link create --branch <id> makes one).',
      );
      return;
    }
    const now = host.now();
    host.out(
      formatTable(
        ['TOKEN', 'BRANCH', 'SURVEY', 'STATE', 'UNTIL', 'RESPONSES', 'DEVICE'],
        links.map((link) => [
          link.token,
          link.branchId,
          link.surveyId,
          stateText(link, now),
          formatTime(link.until, 'none'),
          String(link.responses),
          link.deviceId,
        ]),
      ),
    );
  },
};

export const linkRevoke: Command = {
  usage: 'link revoke <token>',
  summary: 'close a public link at once: phones that open it are told the survey is closed',
  positionals: [1, 1],
  async run({ host, config, positionals }) {
    const token = positionals[0] ?? '';
    await withStorage(config, async (storage) => {
      const link = await findPublicLink(storage, token);
      if (!link) throw new CommandError(`there is no public link "${token}" (see: link list)`);
      if (!(await revokePublicLink(storage, token, timestamp(host.now())))) {
        host.out(
          `Link ${token} was revoked already, on ${formatTime(link.revokedAt)}; nothing changed.`,
        );
        return;
      }
      host.out(
        `Revoked link ${token} of branch ${link.branchId} (survey ${link.surveyId}): phones that open it are told the survey is closed.`,
      );
      host.out('The responses it brought in stay in the results. Take its posters down too.');
      host.out(
        `To take what it brought in from a day on out of the results: device quarantine ${link.deviceId} --from YYYY-MM-DD`,
      );
    });
  },
};
