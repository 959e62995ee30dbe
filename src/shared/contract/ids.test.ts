import { describe, expect, it } from 'vitest';
import { EnrollRequestSchema } from './device';
import { SurveyResponseSchema } from './response';

const DEVICE_ID = '0b6f6c1e-3f0a-4c55-9d8e-6a2f4f1b7c10';
const RESPONSE_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('UUIDs in any case are one id', () => {
  it.each([
    ['lower case', DEVICE_ID],
    ['upper case', DEVICE_ID.toUpperCase()],
    ['mixed case', '0B6f6C1e-3F0a-4C55-9d8E-6A2f4F1b7C10'],
  ])('reads a device id to enroll in %s as the lower-case id', (_case, deviceId) => {
    const parsed = EnrollRequestSchema.parse({ code: 'K7QM-4XPA-93TW', deviceId });
    expect(parsed.deviceId).toBe(DEVICE_ID);
  });

  it("reads a response's id and device id in upper case as the lower-case ids", () => {
    const response = {
      id: RESPONSE_ID.toUpperCase(),
      surveyId: 'library-service-quality',
      surveyVersion: 1,
      locale: 'hu',
      channel: 'kiosk',
      deviceId: DEVICE_ID.toUpperCase(),
      deviceSeq: 1,
      branchId: null,
      startedAt: '2026-11-20T09:00:00.000Z',
      submittedAt: '2026-11-20T09:03:30.000Z',
      completed: false,
      answers: {},
    };
    expect(SurveyResponseSchema.parse(response)).toMatchObject({
      id: RESPONSE_ID,
      deviceId: DEVICE_ID,
    });
  });
});
