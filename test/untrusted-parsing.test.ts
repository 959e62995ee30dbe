/**
 * Input from outside the process is parsed with `safeParseInput`, which refuses what zod's
 * own checks would throw on. A bare `.safeParse(` anywhere else in the product is a request
 * body, a reply or a file that one crafted JSON value could turn into a 500, so this fails
 * and names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const BARE_PARSE = /\.safeParse\(/;
const THE_ONE_PLACE = 'src/shared/contract/parse.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('parsing input from outside', () => {
  it('goes through safeParseInput everywhere in the product', () => {
    const bare = sourceFiles('src')
      .map((path) => relative('.', path))
      .filter((path) => path !== THE_ONE_PLACE && BARE_PARSE.test(readFileSync(path, 'utf8')));
    expect(bare, 'call safeParseInput(schema, input) instead of schema.safeParse(input)').toEqual(
      [],
    );
  });

  it('still has its one place', () => {
    expect(BARE_PARSE.test(readFileSync(THE_ONE_PLACE, 'utf8'))).toBe(true);
  });
});
