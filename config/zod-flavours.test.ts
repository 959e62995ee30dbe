/**
 * The modules written with zod/mini call only functions classic zod has too, so that
 * `zod/mini` can resolve to classic zod in the collector and the dashboard
 * (config/zod-flavours.ts). The browser tests run the kiosk's and the phone's scripts,
 * built with zod/mini itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
// The alias in vitest's config makes this classic zod, as in the collector.
import { z as resolved } from 'zod/mini';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\./.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const miniModules = sourceFiles('src').filter((file) =>
  /from 'zod\/mini'/.test(readFileSync(file, 'utf8')),
);

/** What `z.a.b(` names in a module: each function it calls through `z`. */
function calledThroughZ(source: string): string[] {
  // `z\n  .union(` too: the formatter breaks a long chain before its dots.
  return [...source.matchAll(/\bz((?:\s*\.[$\w]+)+)\s*\(/g)].map(
    (match) => match[1]?.replace(/\s/g, '').slice(1) ?? '',
  );
}

function lookUp(root: object, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) {
    value =
      value === undefined || value === null ? undefined : (value as Record<string, unknown>)[key];
  }
  return value;
}

describe('the modules written with zod/mini', () => {
  it('are the contract and the app', () => {
    expect(miniModules.length).toBeGreaterThan(10);
  });

  it('resolve to classic zod in the collector’s code', () => {
    expect(resolved).toBe(classic);
  });

  it.each(miniModules)('%s calls only functions classic zod has as well', (file) => {
    const missing = calledThroughZ(readFileSync(file, 'utf8')).filter(
      (path) => typeof lookUp(classic, path) !== 'function',
    );
    expect(missing).toEqual([]);
  });
});
