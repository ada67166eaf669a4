import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser } from 'playwright-core';
import { bearer, loginAdmin, onboardUser, PASSWORD, Session } from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp';
import { TestStack } from '../support/stack';
import { launchChromium, Person } from './harness';

/** Measuring (issue 19) in the console: a profile's gap chart and table, the comparison ranking, the coherence matrix. */
describe('territories in the console', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let admin: Session;
  let person: Person | undefined;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    browser = await launchChromium();
    admin = await loginAdmin(stack);
  });

  afterAll(async () => {
    await person?.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('an officer reads the profile, compares two cities and sees the empty cells of the matrix', async () => {
    const http = () => stack.http();
    const city = await http()
      .post('/organizations')
      .set(bearer(admin))
      .send({
        kind: 'government',
        name: 'Statistics Office',
        country: 'CA',
        city: 'Ottawa',
        contactEmail: 'stats@stats.example',
        profile: { level: 'national', jurisdiction: 'Canada', territoryCode: 'CA' },
      })
      .expect(201);
    const analyst = await onboardUser(stack, smtp, admin, city.body.id, 'analyst@stats.test', 'org_admin');
    for (const [code, name] of [
      ['CA', 'Canada'],
      ['CA-ON', 'Ontario'],
      ['CA-ON-riverton', 'Riverton'],
      ['CA-ON-lakeside', 'Lakeside'],
    ])
      await http().post('/territories').set(bearer(admin)).send({ code, name }).expect(201);
    for (const [code, year, m, h] of [
      ['CA-ON-riverton', '2022', 60, 72],
      ['CA-ON-riverton', '2024', 65, 73],
      ['CA-ON-lakeside', '2022', 62, 70],
      ['CA-ON-lakeside', '2024', 64, 71],
    ] as const)
      await http()
        .post(`/territories/${code}/observations`)
        .set(bearer(analyst))
        .send({
          indicatorCode: 'eu-zaragoza:employment-rate',
          period: year,
          migrantValue: m,
          hostValue: h,
          source: 'LFS',
        })
        .expect(201);

    person = await Person.open(browser, stack.baseUrl, 'territories', 'analyst');
    await person.signIn('analyst@stats.test', PASSWORD);
    await person.nav('Territories');
    await person.page.getByRole('link', { name: 'Riverton' }).click();
    await person.page.getByRole('heading', { name: 'Integration profile: Riverton' }).waitFor();
    const table = person.page.getByRole('table', { name: 'Gap over time' });
    await expect(table.getByRole('row').nth(1).textContent()).resolves.toMatch(/2022\s*60\s*72\s*-12/);
    await expect(table.getByRole('row').nth(2).textContent()).resolves.toMatch(/2024\s*65\s*73\s*-8/);
    await person.shot('profile');

    await person.goto('/app/territories/compare');
    await person.page.getByLabel('Riverton').check();
    await person.page.getByLabel('Lakeside').check();
    await person.page.getByRole('button', { name: 'Compare territories' }).click();
    const ranking = person.page.getByRole('table');
    await ranking.waitFor();
    // Lakeside −7 ranks first by gap; Riverton (−12 → −8, +4) first by change.
    await expect(ranking.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /^1Lakeside2024-7\+1 \(2022–2024\)2/,
    );
    await expect(ranking.getByRole('row').nth(2).textContent()).resolves.toMatch(
      /^2Riverton2024-8\+4 \(2022–2024\)1/,
    );
    await person.shot('comparison');

    await person.goto('/app/territories/CA-ON-riverton/coherence');
    await person.page.getByRole('heading', { name: 'Policy coherence: Riverton' }).waitFor();
    await person.page.getByText('0 programmes, 0 mainstreaming; 450 of 450 cells empty.').waitFor();
    expect(await person.page.getByText('No programme').count()).toBe(50);
    await person.shot('coherence');
  });
});
