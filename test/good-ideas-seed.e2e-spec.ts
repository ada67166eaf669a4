import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const run = promisify(execFile);

/** The demo data of the good-ideas catalogue, as `npm run local` seeds it on a fresh database. */
describe('good ideas demo data', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  const seed = () =>
    run(process.execPath, [path.resolve(__dirname, '../dist/apps/cli/main.js'), 'seed'], { env: stack.env });

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('publishes ideas with evidence, the listed practices and one adaptation, and changes nothing when run again', async () => {
    await seed();
    const page = await stack.http().get('/public/good-ideas').query({ limit: 50 }).expect(200);
    const titles = (page.body.items as { title: string; city: string }[]).map((i) => `${i.city}: ${i.title}`);
    expect(titles.sort()).toEqual(
      [
        'Brandon: Recruiting newcomers to Brandon',
        'Halifax: Welcomed in Halifax',
        'Kuopio: Bringing locals and immigrants together',
        'Leamington: From Survival Jobs to Rich Harvest',
        'Riverton: Language at work: a jobs bridge for newcomers',
        'Toronto: WES Gateway Program',
      ].sort(),
    );
    const slugs = (page.body.items as { slug: string }[]).map((i) => i.slug).sort();
    expect(slugs).toContain('language-at-work-a-jobs-bridge-for-newcomers-riverton');
    const riverton = await stack
      .http()
      .get('/public/good-ideas/language-at-work-a-jobs-bridge-for-newcomers-riverton')
      .expect(200);
    const gap = riverton.body.evidence.indicators.find((i: { kind: string }) => i.kind === 'gap');
    expect(gap).toMatchObject({ baseline: -18, latest: { value: -12.5 }, gapChange: 5.5, gapNarrowed: true });
    expect(riverton.body.adaptations).toEqual([
      expect.objectContaining({
        city: 'Kuopio',
        country: 'FI',
        programmeStatus: 'draft',
        startDate: '2027-09-01',
      }),
    ]);
    expect(riverton.body.evidenceSnapshot.asOf).toBeTruthy();

    await seed();
    const again = await stack.http().get('/public/good-ideas').query({ limit: 50 }).expect(200);
    expect((again.body.items as { slug: string }[]).map((i) => i.slug).sort()).toEqual(slugs);
  });
});
