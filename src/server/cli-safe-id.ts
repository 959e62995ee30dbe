/**
 * Random identifiers that staff type into the CLI: base64url that never begins with "-".
 * `link revoke -Xy…` or `stop remove main -Xy…` would read such an argument as an option,
 * and staff would be told their token is no option. Drawing again keeps every other
 * identifier equally likely and costs at most 6 bits of the first character.
 */
import { randomBytes } from 'node:crypto';

/** `bytes` random bytes as base64url, drawn again while the text begins with "-". */
export function cliSafeRandomId(bytes: number): string {
  for (;;) {
    const id = randomBytes(bytes).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
