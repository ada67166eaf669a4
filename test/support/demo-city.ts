import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { bearer, login, Session } from './fixtures';
import { TestStack } from './stack';

const run = promisify(execFile);

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

/** Runs the seed of `npm run local` (the built CLI) on the stack's database; returns what it printed. */
export async function seedDemoCity(stack: TestStack): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const { stdout } = await run(
    process.execPath,
    [path.resolve(__dirname, '../../dist/apps/cli/main.js'), 'seed'],
    { env: stack.env },
  );
  const lines = stdout.trim().split('\n');
  // The seed's own timing line, for whoever reads the test output (speed is measured, never asserted).
  for (const l of lines.filter((x) => x.startsWith('living demo city'))) process.stdout.write(`${l}\n`);
  return JSON.parse(lines.pop()!);
}

type Item = { id: string; title?: unknown; organizationId?: string; overdue?: boolean; state?: string };

/** What the console's home page shows a person, read through the same API calls it makes. */
export interface Home {
  session: Session;
  tasks: Item[];
  /** Open consultations of other organisations that none of mine has answered yet. */
  toAnswer: Item[];
  dueCheckIns: Item[];
  programmes: Item[];
}

export async function homeOf(stack: TestStack, email: string, password: string): Promise<Home> {
  const session = await login(stack, email, password);
  const get = async (url: string, query: Record<string, unknown> = {}) =>
    (await stack.http().get(url).query(query).set(bearer(session)).expect(200)).body;
  const me = await get('/auth/me');
  const mine = new Set((me.memberships as { organizationId: string }[]).map((m) => m.organizationId));
  const open = ((await get('/consultations', { status: 'open', limit: 50 })).items as Item[]).filter(
    (c) => !mine.has(c.organizationId!),
  );
  const toAnswer: Item[] = [];
  for (const c of open) {
    const res = await stack.http().get(`/consultations/${c.id}/responses/mine`).set(bearer(session));
    if (res.status === 404) toAnswer.push(c);
  }
  return {
    session,
    tasks: (await get('/me/tasks', { limit: 50 })).items,
    toAnswer,
    dueCheckIns: (await get('/check-ins', { status: 'due', limit: 50 })).items,
    programmes: (await get('/programmes', { limit: 100 })).items,
  };
}
