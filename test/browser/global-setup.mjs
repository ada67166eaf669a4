// Browser tests: Debian's Chromium (installed here when missing and we may), then the same
// throwaway PostgreSQL as the e2e suites, and a check that the web console was built.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import e2eSetup from '../global-setup.mjs';
import { chromiumPath } from './chromium.mjs';

export default async function globalSetup() {
  if (!chromiumPath()) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!root)
      throw new Error('Chromium is missing: install it with `apt-get install -y chromium` (as root)');
    process.stderr.write('\nChromium is missing: apt-get install -y chromium\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', 'chromium'],
    ]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
    }
    if (!chromiumPath()) throw new Error('Chromium is still missing after apt-get install chromium');
  }
  if (!existsSync('dist/apps/web/index.html'))
    throw new Error('dist/apps/web/index.html is missing: run `npm run build` (it builds the web console)');
  await e2eSetup();
}
