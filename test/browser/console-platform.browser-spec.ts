import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser } from 'playwright-core';
import { bearer, createOrganization, loginAdmin, onboardUser, PASSWORD, Session } from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp';
import { TestStack } from '../support/stack';
import {
  axeViolations,
  confirmIn,
  describeViolations,
  latinInterfaceText,
  launchChromium,
  overflowOf,
  Person,
} from './harness';

/**
 * What every screen of the console shares, seen in Chromium against the built api and worker:
 * axe-core finds nothing on any screen visited, no screen is wider than a 375 px phone, a list
 * longer than a page is paged with its count, an irreversible action asks first (Escape cancels),
 * the dashboard follows a recorded value without a reload, and in Arabic the interface is Arabic
 * (right-to-left) all the way, only the data in Latin script.
 */
describe('console platform in a browser', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let manager: Session;
  let programmeId: string;
  const people: Person[] = [];
  const PROGRAMMES = 27; // more than one page (25)
  const CITY = 'PT-NV-riverton';
  // Data the fixtures wrote (in Latin script); everything else on an Arabic page must be Arabic.
  const DATA = [
    'Riverton Welcome Centre',
    'manager@welcome.test',
    'manager',
    'Riverton',
    'Portugal',
    'Northvale',
    'Jobs Bridge',
    'People in work',
    '%',
  ];

  const open = async (scenario: string, name: string, viewport?: { width: number; height: number }) => {
    const p = await Person.open(browser, stack.baseUrl, scenario, name, viewport);
    people.push(p);
    return p;
  };

  /** Every screen visited: a screenshot, no axe-core violation, nothing wider than the viewport. */
  const check = async (who: Person, label: string) => {
    await who.page.locator('main h1').first().waitFor();
    // Every part of the screen has loaded (no "Loading…" left, in any language).
    await who.page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[role="status"]')].some((e) =>
          /Loading|Chargement|جارٍ التحميل/.test(e.textContent ?? ''),
        ),
    );
    await who.shot(label);
    expect({ label, violations: describeViolations(await axeViolations(who.page)) }).toEqual({
      label,
      violations: [],
    });
    expect({ label, overflow: await overflowOf(who.page) }).toEqual({ label, overflow: 0 });
  };

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    browser = await launchChromium();
    const admin = await loginAdmin(stack);
    const lead = await createOrganization(stack, admin, 'civil_society', 'Riverton Welcome Centre');
    manager = await onboardUser(stack, smtp, admin, lead, 'manager@welcome.test', 'org_admin');
    // The last programme is in a city with a public page (issue 20: its lead may list it there).
    for (const [code, name] of [
      ['PT', 'Portugal'],
      ['PT-NV', 'Northvale'],
      [CITY, 'Riverton'],
    ])
      await stack.http().post('/territories').set(bearer(admin)).send({ code, name }).expect(201);
    const create = (n: number) =>
      stack
        .http()
        .post('/programmes')
        .set(bearer(manager))
        .send({
          title: `Jobs Bridge ${String(n).padStart(2, '0')}`,
          leadOrganizationId: lead,
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          country: 'PT',
          city: 'Riverton',
          dimensions: ['economic'],
          ...(n === PROGRAMMES ? { territoryCode: CITY } : {}),
        })
        .expect(201);
    for (let n = 1; n <= PROGRAMMES; n += 1) {
      const res = await create(n);
      if (n === PROGRAMMES) programmeId = res.body.id;
    }
    await stack
      .http()
      .post(`/programmes/${programmeId}/indicators`)
      .set(bearer(manager))
      .send({
        name: 'People in work',
        kind: 'plain',
        dimension: 'economic',
        unit: '%',
        baseline: 35,
        target: 55,
        direction: 'increase',
      })
      .expect(201);
  });

  afterAll(async () => {
    for (const p of people) await p.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('serves the built assets precompressed (brotli, else gzip) with a year of immutable cache', async () => {
    const index = await fetch(`${stack.baseUrl}/app/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const entry = /<script type="module" crossorigin src="(\/app\/assets\/index-[\w-]+\.js)"/.exec(
      await index.text(),
    )![1];
    const get = (encoding: string) =>
      fetch(`${stack.baseUrl}${entry}`, { headers: { 'accept-encoding': encoding } });
    const br = await get('gzip, deflate, br');
    expect([br.status, br.headers.get('content-encoding'), br.headers.get('vary')]).toEqual([
      200,
      'br',
      'Accept-Encoding',
    ]);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gzip = await get('gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    // The same script whichever way it travels (fetch decodes what it asked for).
    const [a, b, c] = await Promise.all([br.text(), gzip.text(), plain.text()]);
    expect(a).toBe(c);
    expect(b).toBe(c);
  });

  it('pages through a long list, asks before activating and listing publicly, and the dashboard follows a recorded value', async () => {
    const nadia = await open('platform', 'manager');
    const p = nadia.page;
    await nadia.signIn('manager@welcome.test', PASSWORD);
    await check(nadia, 'home');

    // A list longer than a page: the first page, its count, then the rest on demand.
    await nadia.nav('Programmes');
    await check(nadia, 'programmes-first-page');
    const rows = p.locator('main table tbody tr');
    await expect(rows.count()).resolves.toBe(25);
    await p.getByText(`25 shown of ${PROGRAMMES}`).waitFor();
    await p.getByRole('button', { name: 'Show more' }).click();
    await p.getByText(`${PROGRAMMES} shown`, { exact: true }).waitFor();
    await expect(rows.count()).resolves.toBe(PROGRAMMES);
    await expect(p.getByRole('button', { name: 'Show more' }).count()).resolves.toBe(0);
    await check(nadia, 'programmes-all');

    // Activate asks first; Escape answers no and nothing changes.
    await p.getByRole('link', { name: `Jobs Bridge ${PROGRAMMES}` }).click();
    await check(nadia, 'programme-draft');
    await p.getByRole('button', { name: 'Activate' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('tasks can be assigned to its active partners');
    await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await nadia.shot('confirm-activate');
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(p.locator('main p .badge').first().textContent()).resolves.toContain('Draft');
    await p.getByRole('button', { name: 'Activate' }).click();
    await confirmIn(p, 'Activate');
    await p.locator('main p .badge', { hasText: 'Active' }).waitFor();

    // The lead lists it on the city's public page: the switch asks first, then it is public.
    const publicTitles = async () =>
      (await stack.http().get(`/public/territories/${CITY}`).expect(200)).body.programmes.map(
        (x: { title: string }) => x.title,
      );
    await expect(publicTitles()).resolves.not.toContain(`Jobs Bridge ${PROGRAMMES}`);
    const listing = p.getByRole('switch', { name: "List on the city's public page" });
    await expect(listing.isChecked()).resolves.toBe(false);
    await listing.click();
    await confirmIn(p, 'List publicly');
    await p.getByText("This programme is listed on the city's public page.").waitFor();
    await expect(listing.isChecked()).resolves.toBe(true);
    await check(nadia, 'programme-listed');
    await expect(p.getByRole('link', { name: 'Open the public page' }).getAttribute('href')).resolves.toBe(
      `/public/territories/${CITY}?lang=en`,
    );
    await expect(publicTitles()).resolves.toContain(`Jobs Bridge ${PROGRAMMES}`);
    const listed = await stack.http().get(`/programmes/${programmeId}`).set(bearer(manager)).expect(200);
    expect(listed.body.listedPublicly).toBe(true);

    // Recording a value moves the dashboard at once: no reload (a marker on the page survives).
    const dashboard = p.getByRole('region', { name: 'At a glance' });
    await dashboard.getByRole('cell', { name: 'no value yet' }).waitFor();
    await p.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const indicator = p.locator('.indicator', { has: p.getByRole('heading', { name: 'People in work' }) });
    await indicator.getByLabel('Period start').fill('2027-01-01');
    await indicator.getByLabel('Period end').fill('2027-03-31');
    await indicator.getByLabel('Value', { exact: true }).fill('41.5');
    await indicator.getByRole('button', { name: 'Record a value of People in work' }).click();
    // (41.5 − 35) / (55 − 35) = 32.5 % of the way: said as such, not as "33% (41.5 / 55)".
    await dashboard
      .getByRole('cell', { name: '41.5 % of target 55 % (33% of the way from baseline 35 %)' })
      .waitFor();
    await expect(p.evaluate(() => (window as unknown as { marker?: number }).marker)).resolves.toBe(1);
    await check(nadia, 'dashboard-after-value');
    nadia.expectClean();
  });

  it('fits a 375 px phone on every screen, axe-clean', async () => {
    const phone = await open('platform-phone', 'manager', { width: 375, height: 800 });
    await phone.signIn('manager@welcome.test', PASSWORD);
    await check(phone, 'home');
    for (const [path, label] of [
      ['/programmes', 'programmes'],
      [`/programmes/${programmeId}`, 'programme'],
      ['/consultations', 'consultations'],
      ['/notifications', 'notifications'],
      ['/reports', 'reports'],
      ['/territories', 'territories'],
      ['/good-ideas', 'good-ideas'],
      ['/profile', 'profile'],
    ]) {
      await phone.goto(`/app${path}`);
      await check(phone, label);
    }
    phone.expectClean();
  });

  it('in Arabic: right-to-left, remembered, saved as the user’s language, no interface text in Latin script', async () => {
    const ar = await open('platform-arabic', 'manager');
    const p = ar.page;
    await ar.signIn('manager@welcome.test', PASSWORD);
    // Choosing saves it as the user's language on the server too (their e-mails follow it).
    const saved = p.waitForResponse(
      (r) => r.url().endsWith('/me/notification-preferences') && r.request().method() === 'PUT',
    );
    await p.getByLabel('Language').selectOption('ar');
    expect((await saved).status()).toBe(200);
    await p.getByRole('heading', { name: /^مرحبًا، / }).waitFor();
    await expect(
      p.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).resolves.toEqual(['ar', 'rtl']);
    const walk: [string, string][] = [
      ['/', 'home'],
      ['/programmes', 'programmes'],
      [`/programmes/${programmeId}`, 'programme'],
      ['/consultations', 'consultations'],
      ['/notifications', 'notifications'],
      ['/reports', 'reports'],
      ['/profile', 'profile'],
    ];
    for (const [path, label] of walk) {
      // A full page load each time: the choice is remembered, not only kept in memory.
      await ar.goto(`/app${path}`);
      await check(ar, label);
      await expect(p.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
      expect({ label, latin: await latinInterfaceText(p, DATA) }).toEqual({ label, latin: [] });
    }
    const prefs = await stack.http().get('/me/notification-preferences').set(bearer(manager)).expect(200);
    expect(prefs.body.language).toBe('ar');

    // A domain rule's refusal in her language (the API's INVALID_DATE_RANGE on periodEnd, whose own
    // sentence is English): a period that ends before it starts, said beside "نهاية الفترة".
    await ar.goto(`/app/programmes/${programmeId}`);
    const indicator = p.locator('.indicator', { has: p.getByRole('heading', { name: 'People in work' }) });
    await indicator.getByLabel('بداية الفترة').fill('2027-06-30');
    await indicator.getByLabel('نهاية الفترة').fill('2027-04-01');
    await indicator.locator('input[name="value"]').fill('40');
    const refused = p.waitForResponse((r) => r.url().includes('/values') && r.request().method() === 'POST');
    await indicator.locator('button[type="submit"]').click();
    const answer = await refused;
    expect([answer.status(), (await answer.json()).code]).toEqual([422, 'INVALID_DATE_RANGE']);
    const periodEnd = indicator.getByLabel('نهاية الفترة');
    await periodEnd.and(p.locator('[aria-invalid="true"]')).waitFor();
    const errorId = (await periodEnd.getAttribute('aria-describedby'))!
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    await expect(p.locator(`[id="${errorId}"]`).textContent()).resolves.toContain(
      'لا يمكن أن يسبق تاريخ الانتهاء تاريخ البدء.',
    );
    await p.getByRole('alert').filter({ hasText: 'يرجى تصحيح الحقل المعلَّم.' }).waitFor();
    await check(ar, 'programme-value-refused');
    expect({ latin: await latinInterfaceText(p, DATA) }).toEqual({ latin: [] });
    ar.expectClean();
  });
});
