import { describe, expect, it } from 'vitest';
import { API } from './api';
import { apiPath, ENDPOINTS, type Endpoint, isRetryableStatus } from './endpoints';

describe('the endpoints', () => {
  // Written out in full on purpose: these URLs are called by kiosks in the field and by
  // integrators' scripts, so a change here must be a deliberate one.
  it.each<[string, Endpoint, string]>([
    ['health', ENDPOINTS.health, 'GET /api/v1/health'],
    ['enroll', ENDPOINTS.enroll, 'POST /api/v1/enroll'],
    ['deviceConfig', ENDPOINTS.deviceConfig, 'GET /api/v1/device/config'],
    ['survey', ENDPOINTS.survey, 'GET /api/v1/surveys/:id'],
    ['surveyVersion', ENDPOINTS.surveyVersion, 'GET /api/v1/surveys/:id/versions/:version'],
    ['responses', ENDPOINTS.responses, 'POST /api/v1/responses'],
    ['schema', ENDPOINTS.schema, 'GET /api/v1/schema'],
    ['publicLink', ENDPOINTS.publicLink, 'GET /api/v1/public/links/:token'],
    ['publicResponses', ENDPOINTS.publicResponses, 'POST /api/v1/public/responses'],
    ['signIn', ENDPOINTS.signIn, 'POST /api/v1/session'],
    ['session', ENDPOINTS.session, 'GET /api/v1/session'],
    ['signOut', ENDPOINTS.signOut, 'DELETE /api/v1/session'],
    ['signOutEverywhere', ENDPOINTS.signOutEverywhere, 'DELETE /api/v1/sessions'],
    ['firstAdmin', ENDPOINTS.firstAdmin, 'POST /api/v1/setup'],
    ['resultsSummary', ENDPOINTS.resultsSummary, 'GET /api/v1/results/summary'],
    ['resultsOverview', ENDPOINTS.resultsOverview, 'GET /api/v1/results/overview'],
    ['resultsPlaces', ENDPOINTS.resultsPlaces, 'GET /api/v1/results/places'],
    ['comments', ENDPOINTS.comments, 'GET /api/v1/results/comments'],
    ['commentTags', ENDPOINTS.commentTags, 'GET /api/v1/results/comment-tags'],
    [
      'tagComment',
      ENDPOINTS.tagComment,
      'POST /api/v1/results/comments/:responseId/:questionId/tags',
    ],
    [
      'untagComment',
      ENDPOINTS.untagComment,
      'DELETE /api/v1/results/comments/:responseId/:questionId/tags/:tag',
    ],
    ['exportCsv', ENDPOINTS.exportCsv, 'GET /api/v1/export/responses.csv'],
    ['exportXlsx', ENDPOINTS.exportXlsx, 'GET /api/v1/export/responses.xlsx'],
    ['exportCodebook', ENDPOINTS.exportCodebook, 'GET /api/v1/export/codebook.csv'],
    ['branches', ENDPOINTS.branches, 'GET /api/v1/admin/branches'],
    ['setBranchSurvey', ENDPOINTS.setBranchSurvey, 'POST /api/v1/admin/branches/:id/survey'],
    ['setBranchLook', ENDPOINTS.setBranchLook, 'POST /api/v1/admin/branches/:id/look'],
    ['setBranchStaffPin', ENDPOINTS.setBranchStaffPin, 'POST /api/v1/admin/branches/:id/staff-pin'],
    ['devices', ENDPOINTS.devices, 'GET /api/v1/admin/devices'],
    ['revokeDevice', ENDPOINTS.revokeDevice, 'POST /api/v1/admin/devices/:id/revoke'],
    ['surveys', ENDPOINTS.surveys, 'GET /api/v1/admin/surveys'],
    ['importSurvey', ENDPOINTS.importSurvey, 'POST /api/v1/admin/surveys'],
    ['importResponses', ENDPOINTS.importResponses, 'POST /api/v1/admin/imports'],
    ['links', ENDPOINTS.links, 'GET /api/v1/admin/links'],
    ['createLink', ENDPOINTS.createLink, 'POST /api/v1/admin/links'],
    ['revokeLink', ENDPOINTS.revokeLink, 'POST /api/v1/admin/links/:token/revoke'],
  ])('keep %s at %s', (_, endpoint, expected) => {
    expect(`${endpoint.method} /api/v1${endpoint.path}`).toBe(expected);
  });

  it('are all listed above', () => {
    expect(Object.keys(ENDPOINTS)).toHaveLength(36);
  });

  it('are the endpoints the API declares bodies for, with the same method, path and auth', () => {
    expect(Object.keys(API)).toEqual(Object.keys(ENDPOINTS));
    for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
      expect(API[name as keyof typeof API]).toMatchObject(endpoint);
    }
  });
});

describe('apiPath', () => {
  it.each<[string, string]>([
    [apiPath(ENDPOINTS.health), '/api/v1/health'],
    [
      apiPath(ENDPOINTS.survey, { id: 'library-service-quality' }),
      '/api/v1/surveys/library-service-quality',
    ],
    [
      apiPath(ENDPOINTS.surveyVersion, { id: 'library-service-quality', version: 3 }),
      '/api/v1/surveys/library-service-quality/versions/3',
    ],
    [apiPath(ENDPOINTS.survey, { id: 'a/b?c' }), '/api/v1/surveys/a%2Fb%3Fc'],
  ])('builds %s', (built, expected) => {
    expect(built).toBe(expected);
  });

  it('refuses to build a path without one of its parameters', () => {
    const partial = { id: 'x' } as unknown as { id: string; version: number };
    expect(() => apiPath(ENDPOINTS.surveyVersion, partial)).toThrow(/:version/);
  });
});

describe('isRetryableStatus', () => {
  it.each<[number, boolean]>([
    [408, true],
    [423, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [200, false],
    [304, false],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [410, false],
    [413, false],
    [415, false],
  ])('says %i is retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});
