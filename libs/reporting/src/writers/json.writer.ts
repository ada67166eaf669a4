import { Writable } from 'node:stream';
import { ProgressFn, ReportContent } from '../report-content';
import { RowCounter, write } from './sink';

/**
 * `{title, generatedAt, facts, sections: {name: [row, …]}}`, written row by row so a section of a
 * million rows never sits in memory as one array.
 */
export async function writeJson(
  content: ReportContent,
  out: Writable,
  progress: ProgressFn,
  meta: Record<string, unknown>,
): Promise<number> {
  const counter = new RowCounter(progress);
  const head = {
    ...meta,
    title: content.title,
    facts: Object.fromEntries(content.facts),
  };
  const opening = JSON.stringify(head);
  await write(out, `${opening.slice(0, -1)},"sections":{`);
  let firstSection = true;
  for (const section of content.sections) {
    await write(out, `${firstSection ? '' : ','}${JSON.stringify(section.name)}:[`);
    firstSection = false;
    let first = true;
    for await (const row of section.rows()) {
      await write(out, (first ? '\n' : ',\n') + JSON.stringify(row));
      first = false;
      await counter.tick();
    }
    await write(out, ']');
  }
  await write(out, '}}\n');
  out.end();
  return counter.count;
}
