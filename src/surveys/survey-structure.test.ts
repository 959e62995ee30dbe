import { describe, expect, it } from 'vitest';
import { SurveyStructureSchema } from '../shared/contract/survey-package';
import { BUILT_IN_SURVEYS } from '.';

describe.each(BUILT_IN_SURVEYS.map((survey) => [survey.id, survey] as const))(
  'built-in survey %s',
  (_, survey) => {
    it('is written out in full, so parsing it changes nothing', () => {
      expect(SurveyStructureSchema.parse(survey)).toEqual(survey);
    });
  },
);
