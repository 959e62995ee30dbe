import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTOR_HEAP_FLAGS, COLLECTOR_MALLOC_ENV } from '../scripts/collector-heap.mjs';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
};
const readme = readFileSync('README.md', 'utf8');

/** The environment a launch sets, as NAME=value words. */
const mallocSettings = Object.entries(COLLECTOR_MALLOC_ENV).map(
  ([name, value]) => `${name}=${value}`,
);

/** The node command line of a launch: what comes before the script it runs. */
function nodeFlags(command: string): string[] {
  const words = command.trim().split(/\s+/);
  const script = words.findIndex((word) => word.endsWith('scripts/collector.mjs'));
  return words.slice(1, script).filter((word) => word.startsWith('--'));
}

describe("the collector's heap limits, the same wherever it is started", () => {
  it('npm start runs serve with them', () => {
    const start = packageJson.scripts.start ?? '';
    expect(start).toMatch(/scripts\/collector\.mjs serve$/);
    expect(nodeFlags(start)).toEqual([...COLLECTOR_HEAP_FLAGS]);
    expect(start.trim().split(/\s+/).slice(0, mallocSettings.length)).toEqual(mallocSettings);
  });

  it("the README's systemd unit runs serve with them", () => {
    const execStart = /^\s*ExecStart=(.*)$/m.exec(readme)?.[1] ?? '';
    expect(execStart).toMatch(/scripts\/collector\.mjs serve$/);
    expect(nodeFlags(execStart)).toEqual([...COLLECTOR_HEAP_FLAGS]);
    const environment = [...readme.matchAll(/^\s*Environment=(.*)$/gm)].flatMap((line) =>
      (line[1] ?? '').trim().split(/\s+/),
    );
    expect(environment).toEqual(expect.arrayContaining(mallocSettings));
  });
});
