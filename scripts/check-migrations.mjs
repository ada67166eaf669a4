// Part of `npm run lint`: migrations are written expand-then-contract (docs/operations.md), so the
// previous release keeps running against the new schema during a rolling upgrade. A migration's up()
// must not drop or rename a column or table, change a column's type, or make one NOT NULL, unless the
// statement is a deliberate "contract" step: a comment containing `contract:` (with the reason)
// within the three lines above it. Migrations up to BASELINE predate the rule and are not checked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BASELINE = 1795448148149;

const RULES = [
  [/\bDROP\s+COLUMN\b/i, 'drops a column'],
  [/\bDROP\s+TABLE\b/i, 'drops a table'],
  [/\bRENAME\s+COLUMN\b/i, 'renames a column'],
  [/\bRENAME\s+TO\b/i, 'renames a table'],
  [/\bALTER\s+COLUMN\s+("[^"]+"|\w+)\s+(SET\s+DATA\s+)?TYPE\b/i, "changes a column's type"],
  [/\bSET\s+NOT\s+NULL\b/i, 'makes a column NOT NULL'],
  [
    /\brenameColumn\s*\(|\bdropColumn\s*\(|\bdropTable\s*\(|\brenameTable\s*\(/,
    'drops or renames through the query runner',
  ],
];

/** The violations in one migration's source: [{line, what, text}]. Only up() is checked. */
export function contractViolations(source) {
  const lines = source.split('\n');
  const upAt = lines.findIndex((l) => /\basync\s+up\s*\(/.test(l));
  if (upAt < 0) return [];
  let downAt = lines.findIndex((l, i) => i > upAt && /\basync\s+down\s*\(/.test(l));
  if (downAt < 0) downAt = lines.length;
  const found = [];
  for (let i = upAt; i < downAt; i++) {
    for (const [re, what] of RULES) {
      if (!re.test(lines[i])) continue;
      // The marker may sit above the statement or above the query call a multi-line SQL string starts in.
      const context = lines.slice(Math.max(upAt, i - 4), i + 1).join('\n');
      if (!/(\/\/|\/\*|--)\s*contract:\s*\S/.test(context))
        found.push({ line: i + 1, what, text: lines[i].trim() });
    }
  }
  return found;
}

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../libs/database/src/migrations');
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failures = 0;
  for (const file of readdirSync(dir).sort()) {
    const stamp = Number(/^(\d{13})-/.exec(file)?.[1]);
    if (!stamp || stamp <= BASELINE) continue;
    for (const v of contractViolations(readFileSync(path.join(dir, file), 'utf8'))) {
      failures++;
      process.stderr.write(
        `${path.join('libs/database/src/migrations', file)}:${v.line}: ${v.what} without a "// contract: <why>" ` +
          `comment above it (expand-then-contract: docs/operations.md)\n    ${v.text}\n`,
      );
    }
  }
  if (failures) process.exit(1);
  process.stdout.write('migrations: expand-only, or contract steps marked\n');
}
