/**
 * The default of a switch that must handle every member of a union:
 *
 *   switch (question.type) {
 *     case 'rating': …
 *     default: return assertNever(question);
 *   }
 *
 * When a member is added (a question type, say), every such switch that does not handle
 * it yet fails `tsc -b`, because the value reaching the default is no longer `never`.
 * At run time it throws: only data that bypassed the contract's schemas can get there.
 */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
