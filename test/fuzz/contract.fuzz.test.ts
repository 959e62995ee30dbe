/**
 * The contract's schemas under generated input: a survey package with one thing changed is
 * either still a package or refused with issues whose paths point at the change, and no
 * schema read through `safeParseInput` throws, whatever it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from '../../src/shared/contract/json-schema';
import { safeParseInput } from '../../src/shared/contract/parse';
import { SurveyPackageSchema } from '../../src/shared/contract/survey-package';
import { surveyPackage } from '../fixtures/survey-package';
import { anyText, deepJsonText, junkJson } from './arbitraries';
import { runs } from './harness';

const RUNS = { mutations: 1000, anyInput: 1000 } as const;

type Path = (string | number)[];

/** Every path into a JSON value, the value itself excepted. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A change at one path: another kind of value, the key removed, or a key no one knows. */
type Mutation =
  | { kind: 'retype'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'extra'; path: Path; key: string; value: unknown };

function mutate(pkg: unknown, mutation: Mutation): unknown {
  // Through JSON: the fixture's languages share one texts object, a change must touch one.
  const copy = JSON.parse(JSON.stringify(pkg)) as Record<string | number, unknown>;
  const parentPath = mutation.kind === 'extra' ? mutation.path : mutation.path.slice(0, -1);
  let parent: Record<string | number, unknown> = copy;
  for (const key of parentPath) parent = parent[key] as Record<string | number, unknown>;
  const last = mutation.path.at(-1) as string | number;
  if (mutation.kind === 'retype') parent[last] = mutation.value;
  if (mutation.kind === 'delete') delete parent[last];
  // An own key, as JSON.parse makes one: assigning `__proto__` would set the prototype.
  if (mutation.kind === 'extra') {
    Object.defineProperty(parent, mutation.key, {
      value: mutation.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** One path lies on the other's way: the issue names the change, or what holds it. */
const related = (a: Path, b: Path) => {
  const n = Math.min(a.length, b.length);
  // A key the source language (en) gains is one every language must have: the issue is
  // the same key in another language.
  const anyLanguage = a[0] === 'translations' && b[0] === 'translations';
  return a.slice(0, n).every((key, i) => (anyLanguage && i === 1) || String(key) === String(b[i]));
};

/** Generated input is parsed in memory only; a busy machine still gets through it. */
const TIMEOUT_MS = 120_000;

describe('the contract under generated input', () => {
  const valid = surveyPackage();
  const paths = pathsOf(valid);
  const objectPaths = paths.filter((path) => {
    let node: unknown = valid;
    for (const key of path) node = (node as Record<string | number, unknown>)[key];
    return kindOf(node) === 'object';
  });

  it(
    `refuses a changed survey package with paths that point at the change, over ${RUNS.mutations} changes`,
    () => {
      const mutation: fc.Arbitrary<Mutation> = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(...paths).chain((path) => {
            let node: unknown = valid;
            for (const key of path) node = (node as Record<string | number, unknown>)[key];
            return fc.record({
              kind: fc.constant('retype' as const),
              path: fc.constant(path),
              value: junkJson.filter((v) => kindOf(v) !== kindOf(node)),
            });
          }),
        },
        fc.record({
          kind: fc.constant('delete' as const),
          // Removing an array's item moves the others; removing a key leaves them in place.
          path: fc.constantFrom(...paths.filter((path) => typeof path.at(-1) === 'string')),
        }),
        fc.record({
          kind: fc.constant('extra' as const),
          path: fc.constantFrom(...objectPaths),
          // A dot in a key reads as nesting (i18next's key separator), so its path is not the key's.
          key: anyText.filter((key) => key.length > 0 && !key.includes('.')),
          value: junkJson,
        }),
      );
      let refused = 0;
      fc.assert(
        fc.property(mutation, (m) => {
          const input = mutate(valid, m);
          const result = safeParseInput(SurveyPackageSchema, input);
          if (result.success) return;
          refused += 1;
          const target = m.kind === 'extra' ? [...m.path, m.key] : m.path;
          const named = result.error.issues.map(
            (issue): Path => [
              ...issue.path.map(String),
              // An unknown key is named beside the path of the object that holds it.
              ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : []),
            ],
          );
          for (const path of named) expect(path.length, JSON.stringify(m)).toBeGreaterThan(0);
          expect(
            named.some((path) => related(path, target)),
            `${JSON.stringify(m)} → ${JSON.stringify(named)}`,
          ).toBe(true);
        }),
        runs(RUNS.mutations),
      );
      // Most changes break the package; a property that refused nothing would prove nothing.
      expect(refused).toBeGreaterThan(RUNS.mutations / 2);
    },
    TIMEOUT_MS,
  );

  it(
    `parses anything with every published schema, refusing without throwing, over ${RUNS.anyInput} inputs`,
    () => {
      const deep = fc
        .tuple(
          fc.integer({ min: 1, max: 20_000 }),
          fc.constantFrom('array' as const, 'object' as const),
        )
        .map(([depth, kind]) => JSON.parse(deepJsonText(depth, kind)) as unknown);
      const schemas = Object.values(PUBLISHED_SCHEMAS);
      fc.assert(
        fc.property(
          fc.constantFrom(...schemas),
          fc.oneof(
            junkJson,
            deep,
            deep.map((tree) => ({ ...valid, translations: { en: tree } })),
          ),
          (schema, input) => {
            const result = safeParseInput(schema, input);
            if (!result.success) expect(result.error).toBeInstanceOf(z.ZodError);
          },
        ),
        runs(RUNS.anyInput),
      );
    },
    TIMEOUT_MS,
  );
});
