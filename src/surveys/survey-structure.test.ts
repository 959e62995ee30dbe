import { describe, expect, it } from 'vitest';
import { SurveyStructureSchema } from '../shared/contract/survey-package';
import { BUILT_IN_SURVEY_VERSIONS } from '.';

describe.each(
  BUILT_IN_SURVEY_VERSIONS.map((survey) => [`${survey.id} v${survey.version}`, survey] as const),
)('built-in survey %s', (_, survey) => {
  it('is written out in full, so parsing it changes nothing', () => {
    expect(SurveyStructureSchema.parse(survey)).toEqual(survey);
  });
});
