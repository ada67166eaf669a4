import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser } from 'playwright-core';
import { bearer, createOrganization, loginAdmin, onboardUser, Session } from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp';
import { TestStack } from '../support/stack';
import { axeViolations, describeViolations, launchChromium, Person } from './harness';

/**
 * The public catalogue as anyone reads it: no sign-in, in Arabic (right-to-left), searched, filtered
 * and opened, and free of axe-core violations on both pages.
 */
describe('public good-ideas catalogue in a browser', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let visitor: Person;
  let slug: string;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    browser = await launchChromium();
    // An idea written, reviewed and published through the API.
    const admin = await loginAdmin(stack);
    const orgId = await createOrganization(stack, admin, 'civil_society', 'Riverton Welcome Centre');
    const author: Session = await onboardUser(stack, smtp, admin, orgId, 'author@welcome.test', 'org_admin');
    const post = (who: Session, path: string, body: object) =>
      stack.http().post(path).set(bearer(who)).send(body);
    const other = await post(author, '/good-ideas', {
      title: 'Night buses for shift workers',
      summary: 'A bus line timed to factory shifts.',
      challenge: 'Shift workers could not get home.',
      approach: 'The city and employers fund a night line.',
      city: 'Riverton',
      country: 'PT',
      themes: ['employment'],
      partners: [{ kind: 'government', role: 'runs the buses' }],
      languages: ['en'],
    }).expect(201);
    const idea = await post(author, '/good-ideas', {
      title: 'Language at work',
      summary: 'Classes during paid hours.',
      challenge: 'Newcomers waited months for classes.',
      approach: 'Classes on site, mentors from the community.',
      city: 'Riverton',
      country: 'PT',
      themes: ['employment', 'language'],
      partners: [
        { kind: 'employer', role: 'hosts the classes' },
        { kind: 'migrant_association', role: 'mentors' },
      ],
      languages: ['en', 'ar'],
      texts: {
        ar: {
          title: 'اللغة في العمل',
          summary: 'دروس لغة أثناء ساعات العمل المأجورة.',
          challenge: 'كان القادمون الجدد ينتظرون الدروس أشهرًا.',
          approach: 'دروس في موقع العمل ومرشدون من المجتمع.',
        },
      },
    }).expect(201);
    slug = idea.body.slug;
    for (const id of [idea.body.id, other.body.id]) {
      await post(author, `/good-ideas/${id}/transitions`, { to: 'submitted' }).expect(200);
      for (const criterion of ['practical', 'innovative', 'successful', 'transferable'])
        await post(admin, `/good-ideas/${id}/assessments`, {
          criterion,
          rating: 4,
          rationale: `Assessed on ${criterion} for the browser test.`,
        }).expect(200);
      await post(admin, `/good-ideas/${id}/transitions`, { to: 'published' }).expect(200);
    }
    visitor = await Person.open(browser, stack.baseUrl, 'good-ideas', 'visitor');
  });

  afterAll(async () => {
    await visitor?.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('is found, filtered and read without signing in, in Arabic right-to-left, axe-clean', async () => {
    const page = visitor.page;
    await visitor.goto('/public/good-ideas?lang=ar');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'أفكار جيدة تنتقل بين المدن',
    );
    expect(await page.locator('ol.results li').count()).toBe(2);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await visitor.shot('catalogue-ar');

    // Search in Arabic, then narrow by partner kind: the form is a plain GET, no script.
    await page.getByLabel('كلمات البحث (بأي لغة)').fill('اللغة');
    await page.getByLabel('نوع الشريك').selectOption('migrant_association');
    await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: 'بحث' }).click()]);
    expect(new URL(page.url()).searchParams.get('partnerKind')).toBe('migrant_association');
    const results = page.locator('ol.results li');
    expect(await results.count()).toBe(1);
    await expect(results.first().getByRole('link').textContent()).resolves.toBe('اللغة في العمل');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await visitor.shot('search-ar');

    await Promise.all([
      page.waitForURL(new RegExp(`/public/good-ideas/${slug}`)),
      results.first().getByRole('link').click(),
    ]);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('اللغة في العمل');
    await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toContain(
      'اللغة في العمل',
    );
    await expect(page.getByRole('heading', { name: 'المعايير الأربعة' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(4);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await visitor.shot('idea-ar');
    expect(visitor.problems).toEqual([]);
  });
});
