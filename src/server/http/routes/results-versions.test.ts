/**
 * The built-in questionnaire across its versions, from a collector's start to its results:
 * a collector updated to version 2 keeps taking version 1's responses (tablets not yet
 * updated, a bookmobile's file), counts an unchanged question of both versions together,
 * and shows a retired question and the questions that replaced it apart.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../../test/fixtures/cli-host';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../../test/fixtures/collector';
import { responseFileContent } from '../../../../test/fixtures/response-files';
import { DEVICE_ID, makeResponse } from '../../../../test/fixtures/responses';
import { completeAnswers, SURVEY_ID } from '../../../../test/fixtures/survey-package';
import { testDialects } from '../../../../test/fixtures/test-databases';
import type { Answers } from '../../../shared/contract/answer';
import { DeviceConfigSchema } from '../../../shared/contract/device';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import { makeResponseFile } from '../../../shared/contract/response-file';
import { ResultsSummarySchema } from '../../../shared/contract/results';
import { builtInPackageVersions } from '../../../surveys/packages';
import { main } from '../../collector';
import { prepareCollector } from '../../startup';
import { countResponses, listSurveyVersions } from '../../storage';

/** Version 2's answers: version 1's, with each split item answered as its two halves. */
function versionTwoAnswers(): Answers {
  const {
    'staff-helpful': _staff,
    'computers-wifi': _computers,
    'space-comfort': _space,
    ...kept
  } = completeAnswers();
  return {
    ...kept,
    'staff-helpfulness': 5,
    'staff-courtesy': 2,
    computers: 4,
    wifi: 1,
    'space-comfortable': 'na',
    'space-quiet': 3,
  };
}

describe.each(testDialects)('the built-in questionnaire across versions on $name', (dialect) => {
  let collector: TestCollector;

  beforeEach(async () => {
    // A collector that has run version 1 (the fixture's), restarted on the release with
    // version 2: as `serve` does, it stores every built-in version.
    collector = await startTestCollector(dialect);
    const restart = await prepareCollector(collector.database.storage, {
      packages: builtInPackageVersions(),
      enrollmentCodeTtlHours: 72,
      now: collector.clock.now,
      timeZone: 'UTC',
    });
    expect(restart.surveys.map((s) => [s.version, s.action])).toEqual([
      [1, 'texts-updated'],
      [2, 'inserted'],
    ]);
  });
  afterEach(() => collector.close());

  it('gives devices version 2 and takes responses of both versions', async () => {
    expect((await listSurveyVersions(collector.database.storage)).map((v) => v.version)).toEqual([
      1, 2,
    ]);
    const token = await collector.enroll();
    const config = await collector.app.request(apiPath(ENDPOINTS.deviceConfig), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(DeviceConfigSchema.parse(await config.json()).survey).toEqual({
      id: SURVEY_ID,
      version: 2,
    });
    const reply = await collector.sync(token, [
      makeResponse({ surveyVersion: 1 }),
      makeResponse({ surveyVersion: 2, answers: versionTwoAnswers() }),
      // Version 1's answers do not fit version 2: a record says which version it answered.
      makeResponse({ surveyVersion: 2 }),
    ]);
    expect(reply.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'rejected']);
  });

  it("takes a bookmobile's file of version 1 responses imported once version 2 is out", async () => {
    await collector.enroll(DEVICE_ID, 'main');
    const route = Array.from({ length: 3 }, () => makeResponse({ surveyVersion: 1 }));
    const path = join(mkdtempSync(join(tmpdir(), 'versions-import-')), 'bookmobile.json');
    writeFileSync(path, JSON.stringify(await makeResponseFile(responseFileContent(route))));
    const host = testHost({ ...collector.database.env, TIME_ZONE });
    await main(['responses', 'import', path], host);
    expect(host.exitCode).toBe(0);
    expect(host.output.join('\n')).toContain(
      'accepted   3\nduplicate  0\nconflict   0\nrejected   0',
    );
    expect(await countResponses(collector.database.storage)).toBe(3);
  });

  it('counts an unchanged question of both versions together, and split items apart', async () => {
    const token = await collector.enroll();
    const v1 = Array.from({ length: 5 }, () => makeResponse({ surveyVersion: 1 }));
    const v2 = Array.from({ length: 5 }, () =>
      makeResponse({ surveyVersion: 2, answers: versionTwoAnswers() }),
    );
    const reply = await collector.sync(token, [...v1, ...v2]);
    expect(reply.results.every((r) => r.outcome === 'accepted')).toBe(true);

    const cookie = await collector.signIn('admin');
    const res = await collector.app.request(
      `${apiPath(ENDPOINTS.resultsSummary)}?survey=${SURVEY_ID}`,
      { headers: { cookie } },
    );
    expect(res.status).toBe(200);
    const summary = ResultsSummarySchema.parse(await res.json());
    expect(summary.responses).toBe(10);
    const result = (id: string) => summary.questions.find((q) => q.id === id);
    // Unchanged: one row, every response's answer in it.
    expect(result('found-what-needed')).toMatchObject({ n: 10, counts: { '4': 10 } });
    expect(result('recommend')).toMatchObject({ n: 10 });
    // Retired and new: each only the answers of the version that asked it.
    expect(result('computers-wifi')).toMatchObject({ n: 0, na: 5 });
    expect(result('computers')).toMatchObject({ n: 5, counts: { '4': 5 } });
    expect(result('wifi')).toMatchObject({ n: 5, counts: { '1': 5 } });
    expect(result('staff-helpful')).toMatchObject({ n: 5, counts: { '5': 5 } });
    expect(result('staff-courtesy')).toMatchObject({ n: 5, counts: { '2': 5 } });
    expect(summary.questions.map((q) => q.id).slice(4, 7)).toEqual([
      'staff-helpful',
      'staff-helpfulness',
      'staff-courtesy',
    ]);
    expect(summary.askedIn?.['computers-wifi']).toEqual({ from: null, until: 1 });
    expect(summary.askedIn?.wifi).toEqual({ from: 2, until: null });
    expect(summary.askedIn).not.toHaveProperty('found-what-needed');

    // One question asked for: its own mark only.
    const one = await collector.app.request(
      `${apiPath(ENDPOINTS.resultsSummary)}?survey=${SURVEY_ID}&question=space-comfort`,
      { headers: { cookie } },
    );
    const oneSummary = ResultsSummarySchema.parse(await one.json());
    expect(oneSummary.questions.map((q) => q.id)).toEqual(['space-comfort']);
    expect(oneSummary.askedIn).toEqual({ 'space-comfort': { from: null, until: 1 } });
  });

  it('exports the questions of both versions, each row with the version it answered', async () => {
    const token = await collector.enroll();
    const [first, second] = [
      makeResponse({ surveyVersion: 1 }),
      makeResponse({ surveyVersion: 2, answers: versionTwoAnswers() }),
    ];
    await collector.sync(token, [first, second]);
    const cookie = await collector.signIn('admin');
    const res = await collector.app.request(`${apiPath(ENDPOINTS.exportCsv)}?survey=${SURVEY_ID}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const records = parse(Buffer.from(await res.arrayBuffer()), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const byId = new Map(records.map((r) => [r.response_id, r]));
    expect(byId.get(first?.id ?? '')).toMatchObject({
      survey_version: '1',
      'computers-wifi': 'na',
      computers: '',
      wifi: '',
      'found-what-needed': '4',
    });
    expect(byId.get(second?.id ?? '')).toMatchObject({
      survey_version: '2',
      'computers-wifi': '',
      computers: '4',
      wifi: '1',
      'found-what-needed': '4',
    });
    const header = Object.keys(records[0] ?? {});
    expect(header.indexOf('computers-wifi')).toBe(header.indexOf('computers') - 1);

    // The codebook names the retired question in the texts of the version that asked it.
    const codebook = await collector.app.request(
      `${apiPath(ENDPOINTS.exportCodebook)}?survey=${SURVEY_ID}&lang=hu`,
      { headers: { cookie } },
    );
    const text = await codebook.text();
    expect(text).toContain('Hogyan értékeli a számítógépeket és a wifit?');
    expect(text).toContain('Hogyan értékeli a könyvtári wifit?');
  });
});
