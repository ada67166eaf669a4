// Fails when a library's SQL names a table another library owns (docs/structure.md): such a read
// goes through the owning library's exported repository instead. A library owns the tables of its
// entities (@Entity('name')). Scans string and template literals in libs/*/src/**/*.ts, migrations
// and specs excluded. scripts/sql-ownership-baseline.json lists the violations known when the check
// was written; it may only shrink: a new violation fails, a fixed one should be removed
// (`node scripts/check-sql-ownership.mjs --update` rewrites it without the fixed entries).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const baselineFile = path.join(root, 'scripts', 'sql-ownership-baseline.json');
const update = process.argv.includes('--update');

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : full.endsWith('.ts') ? [full] : [];
  });

const libs = readdirSync(path.join(root, 'libs')).filter((l) =>
  statSync(path.join(root, 'libs', l, 'src')).isDirectory(),
);
const filesOf = Object.fromEntries(
  libs.map((lib) => [
    lib,
    walk(path.join(root, 'libs', lib, 'src')).filter(
      (f) => !/[\\/]migrations[\\/]/.test(f) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f),
    ),
  ]),
);

/** table → owning library, entity class name → owning library */
const ownerOfTable = new Map();
const ownerOfEntity = new Map();
for (const lib of libs)
  for (const f of filesOf[lib]) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/@Entity\(\s*'([a-z0-9_]+)'[^)]*\)\s*(?:@[\s\S]*?)?export class (\w+)/g)) {
      ownerOfTable.set(m[1], lib);
      ownerOfEntity.set(m[2], lib);
    }
  }

const tableAlt = [...ownerOfTable.keys()].sort((a, b) => b.length - a.length).join('|');
// A table named after a SQL keyword that introduces a relation: FROM x, JOIN x, INTO x, UPDATE x, TABLE x.
const sqlRef = new RegExp(`\\b(?:from|join|into|update|table)\\s+"?(${tableAlt})"?(?![\\w.])`, 'gi');
const JOIN_METHODS = new Set([
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'from',
  'into',
]);
const REPO_METHODS = new Set(['getRepository', 'getMetadata']);

/**
 * Read models: libraries that own no table and read others' tables by design, for figures that must
 * come from one snapshot. Each lists the tables it may read; anything else still fails.
 */
const READ_MODELS = {
  dashboard: [
    'programmes',
    'programme_partners',
    'milestones',
    'indicators',
    'indicator_values',
    'tasks',
    'organizations',
    'memberships',
    'programme_activity',
  ],
};

const found = new Map(); // "file" → Set(table)
const note = (file, table) => {
  const key = path.relative(root, file);
  if (!found.has(key)) found.set(key, new Set());
  found.get(key).add(table);
};

for (const lib of libs) {
  if (lib === 'database') continue; // the entity registry and migrator
  for (const file of filesOf[lib]) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      let text = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node))
        text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ');
      if (text !== null) {
        for (const m of text.matchAll(sqlRef)) {
          const table = m[1].toLowerCase();
          if (ownerOfTable.get(table) !== lib && !READ_MODELS[lib]?.includes(table)) note(file, table);
        }
        const call = node.parent;
        if (
          call &&
          ts.isCallExpression(call) &&
          call.arguments[0] === node &&
          ts.isPropertyAccessExpression(call.expression)
        ) {
          const method = call.expression.name.text;
          if (JOIN_METHODS.has(method) && ownerOfTable.has(text) && ownerOfTable.get(text) !== lib)
            note(file, text);
          if (REPO_METHODS.has(method) && ownerOfEntity.has(text) && ownerOfEntity.get(text) !== lib)
            note(file, text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
}

const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
const fresh = [];
const fixed = [];
for (const [file, tables] of found)
  for (const t of tables) if (!(baseline[file] ?? []).includes(t)) fresh.push(`${file}: ${t}`);
for (const [file, tables] of Object.entries(baseline))
  for (const t of tables) if (!found.get(file)?.has(t)) fixed.push(`${file}: ${t}`);

if (update) {
  const next = {};
  for (const [file, tables] of Object.entries(baseline)) {
    const still = tables.filter((t) => found.get(file)?.has(t));
    if (still.length) next[file] = still;
  }
  writeFileSync(baselineFile, JSON.stringify(next, null, 2) + '\n');
  console.log(`baseline rewritten: ${fixed.length} fixed entr${fixed.length === 1 ? 'y' : 'ies'} removed`);
}
if (fixed.length && !update)
  console.log(`fixed since the baseline (run with --update to drop them):\n  ${fixed.join('\n  ')}`);
if (fresh.length) {
  console.error(
    `SQL names a table another library owns (read it through that library's exported repository):\n  ${fresh.join('\n  ')}`,
  );
  process.exit(1);
}
const known = Object.values(baseline).reduce((n, t) => n + t.length, 0);
console.log(
  `sql ownership: ${ownerOfTable.size} tables in ${new Set(ownerOfTable.values()).size} libraries, no new cross-library SQL (${known} known in the baseline)`,
);
