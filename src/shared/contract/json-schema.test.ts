import { describe, expect, it } from 'vitest';
import { contractJsonSchemas } from './json-schema';

type JsonSchema = { required?: string[]; $schema?: string; type?: string; [key: string]: unknown };

/** Every "$ref" in a schema, wherever it sits. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) =>
      key === '$ref' && typeof value === 'string' ? [value] : refs(value),
    );
  }
  return [];
}

/** Follows a local JSON pointer such as "#/$defs/__schema0". */
function resolve(schema: unknown, ref: string): unknown {
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], schema);
}

describe('contractJsonSchemas', () => {
  const schemas = contractJsonSchemas();

  it('publishes a schema for every contract type', () => {
    expect(Object.keys(schemas).sort()).toEqual([
      'ApiError',
      'BranchDetails',
      'BranchList',
      'Comment',
      'CommentTags',
      'CommentsPage',
      'CreateLinkRequest',
      'DeviceConfig',
      'DeviceDetails',
      'DeviceList',
      'EnrollReply',
      'EnrollRequest',
      'FirstAdminRequest',
      'HealthReply',
      'ImportResponsesProblem',
      'ImportResponsesReply',
      'ImportSurveyReply',
      'LinkDetails',
      'LinkList',
      'PublicLink',
      'Response',
      'ResponseFile',
      'ResultsOverview',
      'ResultsPlaces',
      'ResultsSummary',
      'SetBranchLookRequest',
      'SetBranchSurveyRequest',
      'SetStaffPinRequest',
      'SignInRequest',
      'SignedOut',
      'StaffSession',
      'SurveyImportProblems',
      'SurveyList',
      'SurveyPackage',
      'SyncBatchReply',
      'SyncBatchRequest',
      'TagRequest',
    ]);
  });

  it.each(Object.entries(contractJsonSchemas()))(
    '%s survives a round trip through JSON unchanged',
    (_name, schema) => {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    },
  );

  it.each(Object.entries(contractJsonSchemas()))(
    '%s is a draft 2020-12 object schema whose every $ref resolves',
    (_name, schema) => {
      const json = schema as JsonSchema;
      expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(json.type).toBe('object');
      for (const ref of refs(json)) expect(resolve(json, ref), ref).toBeTypeOf('object');
    },
  );

  it.each<[string, string[]]>([
    ['SurveyPackage', ['id', 'version', 'title', 'questions', 'translations']],
    [
      'Response',
      [
        'id',
        'surveyId',
        'surveyVersion',
        'locale',
        'channel',
        'deviceId',
        'deviceSeq',
        'branchId',
        'startedAt',
        'submittedAt',
        'completed',
        'answers',
      ],
    ],
    ['SyncBatchRequest', ['responses']],
    ['SyncBatchReply', ['serverTime', 'results']],
    ['EnrollRequest', ['code', 'deviceId']],
    ['EnrollReply', ['token', 'deviceId', 'branch']],
    ['DeviceConfig', ['serverTime', 'deviceId', 'deviceName', 'branch', 'kiosk', 'survey']],
    ['HealthReply', ['status', 'database', 'serverTime']],
    ['ApiError', ['error']],
  ])('%s names its required fields', (name, required) => {
    expect((schemas[name] as JsonSchema).required?.sort()).toEqual([...required].sort());
  });

  it('describes the input an integrator sends: fields with defaults are not required', () => {
    const pkg = schemas.SurveyPackage as { properties: { questions: unknown } };
    const text = JSON.stringify(pkg.properties.questions);
    expect(text).toContain('"required":["id","type","scale"]');
    expect(text).toContain('"required":["id","type"]');
  });
});
