import { describe, expect, it } from 'vitest';
import { type SaveTarget, saveFile } from './save-file';

/** A browser with the given abilities, recording what saving asked of it. */
function browser(abilities: { download?: boolean; share?: boolean; open?: boolean }) {
  const calls: string[] = [];
  const target: SaveTarget = {
    canDownload: abilities.download ?? false,
    download: (url, name) => calls.push(`download ${url} ${name}`),
    canShare: () => abilities.share ?? false,
    share: async (file) => {
      calls.push(`share ${file.name} ${await file.text()}`);
    },
    open: (url) => {
      calls.push(`open ${url}`);
      return abilities.open ?? false;
    },
    createUrl: () => 'blob:file',
    releaseUrl: (url) => calls.push(`release ${url}`),
  };
  return { target, calls };
}

describe('saving a file staff keep', () => {
  it('downloads it where the browser downloads', async () => {
    const { target, calls } = browser({ download: true, share: true });
    expect(await saveFile('{}', 'responses.json', target)).toBe('downloaded');
    expect(calls).toEqual(['download blob:file responses.json', 'release blob:file']);
  });

  it('hands it to the share sheet where a link cannot download (Save to Files)', async () => {
    const { target, calls } = browser({ share: true });
    expect(await saveFile('{"a":1}', 'responses.json', target)).toBe('shared');
    expect(calls).toEqual(['share responses.json {"a":1}']);
  });

  it('opens it in a new tab where neither works, and says so', async () => {
    const { target, calls } = browser({ open: true });
    expect(await saveFile('{}', 'responses.json', target)).toBe('opened');
    expect(calls).toEqual(['open blob:file', 'release blob:file']);
  });

  it('fails aloud when the browser refuses even a new tab', async () => {
    const { target } = browser({});
    await expect(saveFile('{}', 'responses.json', target)).rejects.toThrow(/could neither/);
  });
});
