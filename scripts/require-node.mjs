// Stops with one clear line when the Node.js running this is older than package.json's
// `engines` allows. Imported first by every entry point that a person runs, before anything
// native loads: better-sqlite3 built for another Node crashes with a bare segmentation fault.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [needMajor = 0, needMinor = 0] =
  /(\d+)\.(\d+)/.exec(engines.node)?.slice(1).map(Number) ?? [];
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(
    `This project needs Node.js ${needMajor}.${needMinor} or newer (Node 24 LTS recommended); this is Node.js ${process.versions.node} at ${process.execPath}.`,
  );
  process.exit(1);
}
