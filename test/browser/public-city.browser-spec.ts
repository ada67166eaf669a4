import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Browser } from 'playwright-core';
import { TestSmtpServer } from '../support/smtp';
import { TestStack } from '../support/stack';
import { axeViolations, describeViolations, launchChromium, Person } from './harness';

const run = promisify(execFile);
const CITY = 'PT-NV-riverton';

/**
 * The demo city's public page as a resident reads it on a phone (issue 20): seeded exactly as
 * `npm run local` seeds it, read without signing in, in Arabic (right-to-left), no wider than
 * 375 px, free of axe-core violations (WCAG 2.1 A/AA); then one of its public outcomes.
 */
describe('public city page in a browser', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let resident: Person;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    await run(process.execPath, [path.resolve(__dirname, '../../dist/apps/cli/main.js'), 'seed'], {
      env: stack.env,
    });
    browser = await launchChromium();
    resident = await Person.open(browser, stack.baseUrl, 'public-city', 'resident', {
      width: 375,
      height: 800,
    });
  }, 240_000);

  afterAll(async () => {
    await resident?.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  const width = () => resident.page.evaluate(() => document.documentElement.scrollWidth);

  it('the demo city publishes two outcomes, one anonymous, beside its good ideas, programme and figures', async () => {
    const page = (await stack.http().get(`/public/territories/${CITY}`).expect(200)).body;
    expect(page.outcomes).toHaveLength(2);
    expect(page.outcomes.map((o: { anonymous: boolean }) => o.anonymous).sort()).toEqual([false, true]);
    expect(page.goodIdeas.length).toBeGreaterThan(0);
    expect(page.programmes.map((p: { title: string }) => p.title)).toEqual(['Riverton Jobs Bridge']);
    expect(page.profile.indicators.length).toBeGreaterThan(0);
  });

  it('the city page and an outcome read without signing in, in Arabic, axe-clean, within 375 px', async () => {
    const page = resident.page;
    await resident.goto(`/public/territories/${CITY}?lang=ar`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('الإدماج في Riverton');
    expect(await page.locator('#h-out + ol li').count()).toBe(2);
    expect(await page.locator('#h-ideas + ul li').count()).toBeGreaterThan(0);
    await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toContain(
      'Riverton',
    );
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await expect(width()).resolves.toBeLessThanOrEqual(375);
    await resident.shot('city-ar');

    const outcome = page.getByRole('link', { name: 'العودة إلى المنزل بعد الدروس المسائية' });
    await Promise.all([page.waitForURL(/\/public\/consultations\//), outcome.click()]);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'العودة إلى المنزل بعد الدروس المسائية',
    );
    await expect(page.getByRole('heading', { name: 'ما الذي تقرر' }).isVisible()).resolves.toBe(true);
    // Anonymous: small cells read "fewer than 3", never a count of one or two organisations.
    await expect(page.locator('main').textContent()).resolves.toContain('أقل من 3');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await expect(width()).resolves.toBeLessThanOrEqual(375);
    await resident.shot('outcome-ar');
    resident.expectClean();
  });
});
