// Tandem runs on Node 24 LTS. Where the machine's own node is older (Debian 12 ships 20, which is
// end-of-life), the project takes Node 24 from the npm registry's `node` package, a devDependency
// whose binary lands in node_modules/.bin/node. `npm run …` puts that directory first on PATH, so
// scripts started through npm already run on it; a script started directly with an older node
// calls ensureNode24() first and is re-run under node_modules/.bin/node.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REQUIRED_NODE_MAJOR = 24;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const projectNode = path.join(root, 'node_modules', '.bin', 'node');

export function nodeMajor(version = process.versions.node) {
  return Number(version.split('.')[0]);
}

/** Re-runs the current script under Node 24 when needed; installs dependencies first if they are missing. */
export function ensureNode24({ install = true } = {}) {
  if (nodeMajor() >= REQUIRED_NODE_MAJOR) return;
  if (!fs.existsSync(projectNode)) {
    if (!install) {
      process.stderr.write(
        `Tandem needs Node ${REQUIRED_NODE_MAJOR}; this is ${process.version} and node_modules/.bin/node is missing: run \`npm ci\` first\n`,
      );
      process.exit(1);
    }
    process.stderr.write(
      `Node ${process.version} is older than ${REQUIRED_NODE_MAJOR}: npm ci (brings Node 24 as node_modules/.bin/node)\n`,
    );
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const r = spawnSync(projectNode, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${path.dirname(projectNode)}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  if (r.error) throw r.error;
  process.exit(r.status ?? (r.signal ? 1 : 0));
}
