import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Removes the files of `dir` whose name `matches` and that nothing has written for `olderThanMs`
 * (a live build keeps writing its file); a missing directory or a file gone meanwhile is fine.
 * Returns how many it removed.
 */
export async function removeStaleFiles(
  dir: string,
  matches: (name: string) => boolean,
  olderThanMs: number,
  now: Date,
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0; // nothing written there yet
  }
  let removed = 0;
  for (const name of names.filter(matches)) {
    const file = path.join(dir, name);
    const modified = await stat(file).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (modified === null || now.getTime() - modified < olderThanMs) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}
