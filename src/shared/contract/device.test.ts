import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIOSK_OPTIONS,
  ENROLLMENT_CODE_PATTERN,
  EnrollRequestSchema,
  KioskOptionsSchema,
  MAX_DEVICE_NAME_LENGTH,
  normaliseEnrollmentCode,
} from './device';

describe('normaliseEnrollmentCode', () => {
  it.each([
    ['K7QM-4XPA-93TW', 'K7QM-4XPA-93TW'],
    ['k7qm-4xpa-93tw', 'K7QM-4XPA-93TW'],
    ['  K7QM 4XPA 93TW ', 'K7QM-4XPA-93TW'],
    ['K7QM4XPA93TW', 'K7QM-4XPA-93TW'],
    ['K7QM-4XPA93TW', 'K7QM-4XPA-93TW'],
    ['K7QM–4XPA—93TW', 'K7QM-4XPA-93TW'],
    ['K7QM_4XPA.93TW', 'K7QM-4XPA-93TW'],
    ['O7QM-4XPA-93TW', '07QM-4XPA-93TW'],
    ['o7qm-4xpa-93tw', '07QM-4XPA-93TW'],
    ['K7QM-4XPA-93TI', 'K7QM-4XPA-93T1'],
    ['KLQM-4XPA-93TW', 'K1QM-4XPA-93TW'],
    ['kiqm-4xpa-93tw', 'K1QM-4XPA-93TW'],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (typed, normalised) => {
    expect(normaliseEnrollmentCode(typed)).toBe(normalised);
  });

  it('makes every code it normalises from a well-typed code match the pattern', () => {
    for (const typed of ['k7qm 4xpa 93tw', 'O1IL-LIOO-0000', 'zzzz zzzz zzzz']) {
      expect(normaliseEnrollmentCode(typed)).toMatch(ENROLLMENT_CODE_PATTERN);
    }
  });
});

describe('ENROLLMENT_CODE_PATTERN', () => {
  it.each<[string, boolean]>([
    ['K7QM-4XPA-93TW', true],
    ['0000-0000-0000', true],
    ['ZZZZ-ZZZZ-ZZZZ', true],
    ['k7qm-4xpa-93tw', false],
    ['K7QM4XPA93TW', false],
    ['K7QM-4XPA', false],
    ['K7QM-4XPA-93TW-ABCD', false],
    ['K7Q-M4XPA-93TW', false],
    ['OOOO-0000-0000', false],
    ['IIII-0000-0000', false],
    ['LLLL-0000-0000', false],
    ['UUUU-0000-0000', false],
    [' K7QM-4XPA-93TW', false],
  ])('%j matches: %s', (code, matches) => {
    expect(ENROLLMENT_CODE_PATTERN.test(code)).toBe(matches);
  });
});

describe('the enroll request', () => {
  it('accepts a normalised code with a device id and an optional name', () => {
    const request = {
      code: normaliseEnrollmentCode('k7qm 4xpa 93tw'),
      deviceId: '9b2c1f7e-4a3d-4c8e-9f1a-2b3c4d5e6f70',
      deviceName: ' Entrance tablet ',
    };
    expect(EnrollRequestSchema.parse(request)).toEqual({
      ...request,
      deviceName: 'Entrance tablet',
    });
  });

  it('refuses a code as staff typed it, before normalising', () => {
    const result = EnrollRequestSchema.safeParse({
      code: 'k7qm 4xpa 93tw',
      deviceId: '9b2c1f7e-4a3d-4c8e-9f1a-2b3c4d5e6f70',
    });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['code'],
      message: 'is not an enrollment code',
    });
  });
});

describe('the device name', () => {
  const request = (deviceName: string) =>
    EnrollRequestSchema.safeParse({
      code: 'K7QM-4XPA-93TW',
      deviceId: '9b2c1f7e-4a3d-4c8e-9f1a-2b3c4d5e6f70',
      deviceName,
    });

  it('is at most 80 characters', () => {
    expect(MAX_DEVICE_NAME_LENGTH).toBe(80);
    expect(request('x'.repeat(MAX_DEVICE_NAME_LENGTH)).success).toBe(true);
    expect(request('x'.repeat(MAX_DEVICE_NAME_LENGTH + 1)).success).toBe(false);
  });

  it('is refused with a control character, naming the field', () => {
    expect(request('Tab\u0000let').error?.issues[0]).toMatchObject({
      path: ['deviceName'],
      message: 'contains a control character',
    });
  });
});

describe('kiosk options', () => {
  it('defaults to a 60 s idle period, a warning of at least 20 s, and English', () => {
    expect(DEFAULT_KIOSK_OPTIONS).toEqual({
      idleTimeoutSeconds: 60,
      idleWarningSeconds: 30,
      thanksSeconds: 8,
      defaultLocale: 'en',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a countdown shorter than 20 s', { idleWarningSeconds: 19 }],
    ['an idle period shorter than 20 s', { idleTimeoutSeconds: 5 }],
    ['an unknown default language', { defaultLocale: 'de' }],
  ])('refuses %s', (_name, options) => {
    expect(KioskOptionsSchema.safeParse(options).success).toBe(false);
  });
});
