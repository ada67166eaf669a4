import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser } from 'playwright-core';
import { DemoLogin, seedDemoCity } from '../support/demo-city';
import { TestSmtpServer } from '../support/smtp';
import { ADMIN, TestStack } from '../support/stack';
import { axeViolations, describeViolations } from './axe';
import { launchChromium, Person } from './harness';

/** What each demo login's home must show on the first sign-in (docs/demo-city.md). */
const EXPECTED: Record<string, { toAnswer: boolean; checkIns: boolean }> = {
  'manager@welcomecentre.example': { toAnswer: true, checkIns: false },
  'officer@riverton.example': { toAnswer: true, checkIns: false },
  'hr@harbourfoods.example': { toAnswer: true, checkIns: true },
  'staff@legalaid.example': { toAnswer: true, checkIns: false },
  'amira@syrian-riverton.example': { toAnswer: true, checkIns: false },
  'coordinator@kuopio.example': { toAnswer: false, checkIns: false },
};

/**
 * The living demo city as `npm run local` seeds it: each demo login signs in to the console and finds
 * work on the home page (tasks, an overdue one among them; consultations waiting for an answer;
 * due retention check-ins for the employer), each home free of axe-core violations.
 */
describe('living demo city in a browser', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let logins: DemoLogin[];
  const people: Person[] = [];

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    logins = (await seedDemoCity(stack)).logins;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const p of people) await p.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('lists the demo logins the docs promise', () => {
    expect(logins.map((l) => l.email)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it.each(Object.entries(EXPECTED))('%s finds work on the home page', async (email, expected) => {
    const login = logins.find((l) => l.email === email)!;
    const person = await Person.open(browser, stack.baseUrl, 'demo-city', email.split('@')[0]);
    people.push(person);
    const page = person.page;
    await person.signIn(login.email, login.password);

    const tasks = page.getByRole('region', { name: 'My tasks' }).getByRole('listitem');
    await tasks.first().waitFor();
    expect(await tasks.count()).toBeGreaterThan(0);
    expect(await tasks.filter({ hasText: 'Overdue' }).count()).toBeGreaterThan(0);

    const answers = page.getByRole('region', { name: 'Waiting for my answer' });
    if (expected.toAnswer) {
      await answers.getByRole('listitem').first().waitFor();
      expect(await answers.getByRole('link').count()).toBeGreaterThan(0);
    } else {
      await answers.getByText('No open consultation is waiting for your answer.').waitFor();
    }
    if (expected.checkIns)
      await answers.getByRole('link', { name: /^Retention check-ins to answer: [1-9]/ }).waitFor();

    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await person.shot('home');
    person.expectClean();
  });

  it('shows the platform admin a home without errors, and every programme of the city', async () => {
    const person = await Person.open(browser, stack.baseUrl, 'demo-city', 'admin');
    people.push(person);
    const page = person.page;
    await person.signIn(ADMIN.email, ADMIN.password);
    await page
      .getByRole('region', { name: 'Waiting for my answer' })
      .getByText('No open consultation is waiting for your answer.')
      .waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await person.shot('home');
    await person.nav('Programmes');
    await page.getByRole('link', { name: 'Riverton Welcome Network' }).waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await person.shot('programmes');
    person.expectClean();
  });
});
