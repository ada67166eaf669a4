// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy of every compressible asset of the
// console (the api serves them to browsers that accept them, apps/api/src/web-console.ts), prints
// every chunk's sizes, and checks the first screen's budget: the JavaScript a signed-in user's first
// page (the entry, what it imports, and the home page's chunk with its imports) must stay under
// 150 KB compressed (gzip, the larger of the two), else the build fails.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = path.resolve(import.meta.dirname, '..', 'dist', 'apps', 'web');
const ASSETS = path.join(DIST, 'assets');
const BUDGET = 150 * 1024;
const FIRST_SCREEN = ['index.html', 'src/pages/home/HomePage.tsx'];

const sizes = new Map();
for (const name of readdirSync(ASSETS)) {
  if (!/\.(js|css|svg|json|txt)$/.test(name)) continue;
  const raw = readFileSync(path.join(ASSETS, name));
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(path.join(ASSETS, `${name}.br`), br);
  writeFileSync(path.join(ASSETS, `${name}.gz`), gz);
  sizes.set(`assets/${name}`, { raw: raw.length, br: br.length, gz: gz.length });
}

// The first screen: the entry chunk and its static imports, then the home page's chunk and its.
const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'));
const firstScreen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstScreen.has(chunk.file)) return;
  firstScreen.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
for (const key of FIRST_SCREEN) {
  if (!manifest[key]) throw new Error(`compress-web: ${key} is not in the build manifest`);
  visit(key);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [...sizes].sort((a, b) => b[1].raw - a[1].raw);
console.log('console assets (raw / gzip / brotli):');
for (const [file, s] of rows.filter(([f]) => f.endsWith('.js') || f.endsWith('.css')))
  console.log(
    `  ${firstScreen.has(file) ? '*' : ' '} ${file.padEnd(48)} ${kb(s.raw).padStart(10)} ${kb(s.gz).padStart(10)} ${kb(s.br).padStart(10)}`,
  );
const total = { raw: 0, gz: 0, br: 0 };
for (const file of firstScreen) {
  const s = sizes.get(file) ?? { raw: statSync(path.join(DIST, file)).size, gz: 0, br: 0 };
  if (!file.endsWith('.js')) continue;
  total.raw += s.raw;
  total.gz += s.gz;
  total.br += s.br;
}
console.log(
  `first screen (*) JavaScript: ${kb(total.raw)} raw, ${kb(total.gz)} gzip, ${kb(total.br)} brotli; budget ${kb(BUDGET)} compressed`,
);
if (total.gz > BUDGET) {
  console.error(
    `compress-web: the first screen's JavaScript (${kb(total.gz)} gzip) is over its budget of ${kb(BUDGET)}`,
  );
  process.exit(1);
}
