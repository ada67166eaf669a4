import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ar, en, es, fr } from './messages';
import { problemCatalogues } from './messages/problems';
import {
  isDomainProblem,
  loadProblemCatalogues,
  problemSentence,
  SHARED_PROBLEM_SENTENCES,
} from './problems';

// The server's codes, read from the libraries themselves: every `…ErrorCode` enum exported by a
// `*.errors.ts` file under libs/ (core's CoreErrorCode lives in errors/domain-error.ts), loaded
// through jest as the api loads them. The files are found by walking libs/, so a new library's enum
// is checked without editing this spec. Only this spec reads the libraries: the console's own code
// never imports one (its bundle stays free of the back end), and the web tsconfig has no node types,
// hence the small typed views of `fs` below.
declare const __dirname: string;
const fs = jest.requireActual<{ readdirSync(path: string, options: { recursive: true }): string[] }>(
  'node:fs',
);
const LIBS = `${__dirname}/../../../libs`;

function serverCodes(): Map<string, string> {
  const files = fs
    .readdirSync(LIBS, { recursive: true })
    .filter((f) => !f.includes('node_modules'))
    .filter((f) => /\/src\/(.+\/)?[\w-]+\.errors\.ts$/.test(f) || f.endsWith('/src/errors/domain-error.ts'));
  const codes = new Map<string, string>();
  for (const file of files) {
    const exports = jest.requireActual<Record<string, unknown>>(`${LIBS}/${file}`);
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith('ErrorCode') || typeof value !== 'object' || !value) continue;
      for (const code of Object.values(value)) codes.set(String(code), `${name} (libs/${file})`);
    }
  }
  return codes;
}

const languages = { en, fr, es, ar } as Record<string, Record<string, string>>;
const catalogues = problemCatalogues as Record<string, Record<string, string>>;

/** Every code the console has a sentence for: the catalogue's, and those it shares with a status. */
const PROBLEM_CODES = [
  ...Object.keys(SHARED_PROBLEM_SENTENCES),
  ...Object.keys(problemCatalogues.en).map((k) => k.replace(/^problem\./, '')),
];

/** A code's sentence in one language, wherever the console keeps it. */
const sentenceOf = (code: string, lang: string): string | undefined =>
  code in SHARED_PROBLEM_SENTENCES
    ? languages[lang][SHARED_PROBLEM_SENTENCES[code]]
    : catalogues[lang][`problem.${code}`];

beforeAll(() => loadProblemCatalogues().then(() => undefined));

describe('problem catalogue', () => {
  const codes = serverCodes();

  it('finds the enums of every library and of core', () => {
    const enums = new Set([...codes.values()].map((where) => where.split(' ')[0]));
    for (const name of ['CoreErrorCode', 'JobsErrorCode', 'TasksErrorCode', 'PlacementsErrorCode'])
      expect(enums).toContain(name);
    expect(codes.size).toBeGreaterThan(60);
  });

  it('has a sentence in every language for every code the server answers with', () => {
    const missing: string[] = [];
    for (const [code, where] of codes) {
      if (!PROBLEM_CODES.includes(code)) {
        missing.push(`${code} (${where}): no entry in messages/<lang>/problems.ts`);
        continue;
      }
      for (const lang of Object.keys(languages)) {
        const text = sentenceOf(code, lang);
        if (typeof text !== 'string' || !text.trim()) missing.push(`${code}: no ${lang} sentence`);
        else if (lang !== 'en' && text === sentenceOf(code, 'en'))
          missing.push(`${code}: the ${lang} sentence is English`);
        else if (lang === 'ar' && !/[\u0600-\u06FF]/.test(text))
          missing.push(`${code}: the ar sentence is not Arabic`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names no code the server no longer has', () => {
    expect(PROBLEM_CODES.filter((code) => !codes.has(code))).toEqual([]);
  });
});

describe(problemSentence.name, () => {
  const t = (lang: string) => (key: string) => languages[lang][key];
  const { ar: arProblems, en: enProblems } = problemCatalogues;
  const transition = {
    status: 409,
    code: 'TASK_TRANSITION_NOT_ALLOWED',
    detail: 'A task cannot move from done to open',
    errors: [{ field: 'to', message: 'A task cannot move from done to open' }],
  };

  it("is the catalogue's sentence in the reader's language", () => {
    expect(problemSentence(transition, 'ar', t('ar'))).toBe(
      arProblems['problem.TASK_TRANSITION_NOT_ALLOWED'],
    );
    expect(problemSentence(transition, 'fr', t('fr'))).toMatch(/^La tâche ne peut pas passer à cet état/);
    expect(problemSentence(transition, 'es', t('es'))).toMatch(/^La tarea no puede pasar a este estado/);
  });

  it("leaves English readers the server's sentence where it says more, not where it speaks API", () => {
    expect(problemSentence(transition, 'en', t('en'))).toBeNull();
    const outcome = {
      code: 'OUTCOME_NOT_PUBLISHED',
      detail:
        'Only a published outcome can be made public; … (publish it with POST /consultations/{id}/outcome)',
    };
    expect(problemSentence(outcome, 'en', t('en'))).toBe(enProblems['problem.OUTCOME_NOT_PUBLISHED']);
  });

  it('is null for a code the console does not know, and reuses the status sentences', () => {
    expect(problemSentence({ code: 'SOMETHING_NEW' }, 'fr', t('fr'))).toBeNull();
    expect(problemSentence({}, 'fr', t('fr'))).toBeNull();
    expect(problemSentence({ code: 'NOT_FOUND' }, 'es', t('es'))).toBe(es['error.notFound']);
  });

  it('treats validation apart: its field messages are read by form-errors.ts', () => {
    expect(isDomainProblem({ code: 'VALIDATION_FAILED' })).toBe(false);
    expect(isDomainProblem(transition)).toBe(true);
    expect(isDomainProblem({ code: 'SOMETHING_NEW' })).toBe(false);
  });
});
