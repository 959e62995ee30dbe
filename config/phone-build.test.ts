import { describe, expect, it } from 'vitest';
import { isPhoneFile, phoneBuildConfig, phoneChunksNotPrecached } from './phone-build';

describe('the phone’s build', () => {
  it('keeps its entry under assets/phone/', () => {
    expect(isPhoneFile('assets/phone/main-1.js')).toBe(true);
    expect(isPhoneFile('assets/app-1.js')).toBe(false);
  });

  it('reports a chunk outside assets/phone/ that the kiosk’s worker does not precache', () => {
    const precached = ['index.html', 'assets/app-1.js', 'assets/personal-data-2.js'];
    expect(
      phoneChunksNotPrecached(['assets/phone/main-1.js', 'assets/app-1.js'], precached),
    ).toEqual([]);
    expect(
      phoneChunksNotPrecached(['assets/phone/main-1.js', 'assets/shared-3.js'], precached),
    ).toEqual(['assets/shared-3.js']);
  });

  it('names its chunks as the kiosk’s build does, but the masking module’s under assets/phone/', () => {
    const output = phoneBuildConfig([]).build?.rolldownOptions?.output;
    const names = !Array.isArray(output) ? output?.chunkFileNames : undefined;
    if (typeof names !== 'function') throw new Error('chunkFileNames is not a function');
    const nameOf = (facadeModuleId: string | null) =>
      names({ facadeModuleId } as Parameters<typeof names>[0]);
    expect(nameOf('/repo/src/shared/privacy/personal-data.ts')).toBe(
      'assets/phone/[name]-[hash].js',
    );
    expect(nameOf('/repo/src/app/i18n/locales/hu/app.ts')).toBe('assets/[name]-[hash].js');
    expect(nameOf(null)).toBe('assets/[name]-[hash].js');
  });
});
