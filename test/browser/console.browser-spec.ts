import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import {
  createOrganization,
  login,
  loginAdmin,
  onboardUser,
  PASSWORD,
  Session,
  tokenFromEmail,
  bearer,
} from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp';
import { ADMIN, TestStack } from '../support/stack';
import { confirmIn, eventually, launchChromium, Person, pickOption } from './harness';

/**
 * The web console as its users work in it: Debian's Chromium (headless) against the built api
 * (which serves the console at /app) and worker, with real PostgreSQL, Redis and SMTP. Every screen
 * visited is saved under .test/screenshots/<scenario>/; any console error, page error, failed
 * request or 5xx answer fails the test.
 */
describe('web console in a browser', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let admin: Session;
  const people: Person[] = [];

  const open = async (scenario: string, name: string, viewport?: { width: number; height: number }) => {
    const p = await Person.open(browser, stack.baseUrl, scenario, name, viewport);
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    browser = await launchChromium();
    admin = await loginAdmin(stack);
  });

  afterAll(async () => {
    for (const p of people) await p.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('serves the console at /app with its own strict CSP, without shadowing the API', async () => {
    const root = await fetch(`${stack.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const deep = await fetch(`${stack.baseUrl}/app/programmes/123`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await deep.text()).toContain('<div id="root"></div>');
    // API routes at the root still answer as the API.
    const api = await fetch(`${stack.baseUrl}/programmes`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
    // A notification e-mail's link (PUBLIC_URL/tasks/{id}) opened in a browser lands on the console's page.
    const id = '0b6f4b6e-8a51-4c61-9d8e-1f2a3b4c5d6e';
    const link = await fetch(`${stack.baseUrl}/tasks/${id}`, {
      redirect: 'manual',
      headers: { accept: 'text/html' },
    });
    expect(link.status).toBe(302);
    expect(link.headers.get('location')).toBe(`/app/tasks/${id}`);
    const asApi = await fetch(`${stack.baseUrl}/tasks/${id}`, { headers: { accept: 'application/json' } });
    expect(asApi.status).toBe(401);
    // The client was generated from exactly the document the running api serves.
    const served = await (await fetch(`${stack.baseUrl}/docs-json`)).json();
    const generated = JSON.parse(
      readFileSync(path.join(__dirname, '../../apps/web/src/api/openapi.json'), 'utf8'),
    );
    expect(generated).toEqual(served);
  });

  it('a programme manager sets up a programme, invites a partner and assigns a task the partner completes', async () => {
    const leadOrg = await createOrganization(stack, admin, 'civil_society', 'Welcome Centre');
    const partnerOrg = await createOrganization(stack, admin, 'migrant_association', 'Syrian Community');
    const managerApi = await onboardUser(stack, smtp, admin, leadOrg, 'manager@lead.test', 'org_admin');
    // The partner's org admin joins through the console, from the link in the invitation e-mail.
    await stack
      .http()
      .post(`/organizations/${partnerOrg}/invitations`)
      .set(bearer(admin))
      .send({ email: 'amira@partner.test', role: 'org_admin' })
      .expect(201);
    const token = await tokenFromEmail(smtp, 'amira@partner.test');

    const partner = await open('programme', 'partner');
    await partner.goto(`/invitations/${token}`);
    await partner.page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await partner.shot('accept-invitation');
    await partner.page.getByLabel('Your name').fill('Amira Haddad');
    await partner.page.getByLabel('Password').fill(PASSWORD);
    await partner.page.getByRole('button', { name: 'Join Tandem' }).click();
    await partner.page.getByRole('heading', { name: 'Welcome, Amira Haddad' }).waitFor();
    await partner.shot('home');

    const manager = await open('programme', 'manager');
    await manager.signIn('manager@lead.test', PASSWORD);
    await manager.shot('home');
    await manager.nav('Programmes');
    await manager.page.getByRole('heading', { name: 'Programmes' }).waitFor();
    await manager.shot('programmes');
    await manager.page.getByRole('link', { name: 'New programme' }).click();
    const p = manager.page;
    await p.getByLabel('Title').fill('Riverton Jobs Bridge');
    await p.getByLabel('Summary').fill('Language courses and job placements for newcomers');
    await p.getByLabel('Start date').fill('2027-01-01');
    await p.getByLabel('End date').fill('2028-12-31');
    await p.getByLabel('City').fill('Riverton');
    await p.getByLabel('Economic').check();
    // No country: the API's error is shown next to the field, which is marked invalid.
    await p.getByRole('button', { name: 'Create programme' }).click();
    const country = p.getByLabel('Country');
    await country.and(p.locator('[aria-invalid="true"]')).waitFor();
    const errorId = (await country.getAttribute('aria-describedby'))!
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    // In the reader's words, built from the API's field error (not "country must be an ISO 3166-1 …").
    const countryError = await p.locator(`[id="${errorId}"]`).textContent();
    expect(countryError).toBe("⚠ Must be a country's two-letter code, such as PT.");
    await manager.shot('new-programme-field-error');
    await country.fill('PT');
    await p.getByRole('button', { name: 'Create programme' }).click();
    await p.getByRole('heading', { name: 'Riverton Jobs Bridge' }).waitFor();
    await manager.shot('programme-created');

    // Invite the partner, then activate the programme.
    const invite = p.locator('form', { has: p.getByRole('heading', { name: 'Invite a partner' }) });
    await invite.getByLabel('Organisation').selectOption({ label: 'Syrian Community (Migrant association)' });
    await invite.getByLabel('Role').selectOption('implementer');
    await invite.getByRole('button', { name: 'Invite partner' }).click();
    const partnerRow = p
      .getByRole('region', { name: 'Partners' })
      .getByRole('row', { name: /Syrian Community/ });
    await expect(partnerRow.textContent()).resolves.toContain('Invited');
    await p.getByRole('button', { name: 'Activate' }).click();
    await confirmIn(p, 'Activate');
    await p.locator('.badge', { hasText: 'Active' }).first().waitFor();
    await manager.shot('partner-invited');

    // The partner accepts the partnership from the programme page.
    await partner.nav('Programmes');
    await partner.page.getByRole('link', { name: 'Riverton Jobs Bridge' }).click();
    await partner.page.getByRole('button', { name: 'Accept the partnership' }).click();
    await confirmIn(partner.page, 'Accept the partnership');
    await partner.page
      .getByRole('region', { name: 'Partners' })
      .getByRole('row', { name: /Syrian Community/ })
      .getByText('Active')
      .waitFor();
    await partner.shot('partnership-accepted');

    // The manager assigns a task to the partner.
    await p.reload();
    const taskForm = p.locator('form', { has: p.getByRole('heading', { name: 'Assign a task' }) });
    await taskForm.getByLabel('Task', { exact: true }).fill('Translate the welcome guide');
    await taskForm.getByLabel('Assigned to (partner)').selectOption({ label: 'Syrian Community' });
    await taskForm.getByLabel('Due date').fill('2027-03-31');
    await taskForm.getByLabel('Priority').selectOption('high');
    await taskForm.getByRole('button', { name: 'Assign task' }).click();
    const todo = p.getByRole('region', { name: /To do/ });
    await todo.getByRole('link', { name: 'Translate the welcome guide' }).waitFor();
    await manager.shot('task-assigned');

    // The partner sees it among their tasks, works it and completes it, with a comment.
    await partner.nav('Home');
    await partner.page.getByRole('link', { name: 'Translate the welcome guide', exact: true }).waitFor();
    await partner.shot('home-with-task');
    // The unread notification of the assignment links to the task's page.
    await partner.page.getByRole('link', { name: /^New task for Syrian Community/ }).click();
    await partner.page.getByRole('heading', { name: 'Translate the welcome guide' }).waitFor();
    await partner.nav('Programmes');
    await partner.page.getByRole('link', { name: 'Riverton Jobs Bridge' }).click();
    const card = partner.page.locator('.task-card', { hasText: 'Translate the welcome guide' });
    await card.getByRole('button', { name: /^Start/ }).click();
    await partner.page
      .getByRole('region', { name: /In progress/ })
      .getByRole('link', { name: 'Translate the welcome guide' })
      .waitFor();
    await partner.shot('task-started');
    await partner.page.getByRole('link', { name: 'Translate the welcome guide' }).click();
    await partner.page.getByLabel('Add a comment').fill('Arabic and French versions are ready.');
    await partner.page.getByRole('button', { name: 'Comment' }).click();
    await partner.page.getByText('Arabic and French versions are ready.').waitFor();
    await partner.page.getByRole('button', { name: 'Mark done' }).click();
    await partner.page.locator('.badge', { hasText: 'Done' }).waitFor();
    await partner.shot('task-done');

    // The manager sees it done, on the board and in the dashboard figures.
    await p.reload();
    await p
      .getByRole('region', { name: /Done/ })
      .getByRole('link', { name: 'Translate the welcome guide' })
      .waitFor();
    const figures = p.locator('figure', { hasText: 'Tasks by state' });
    await expect(figures.getByRole('row', { name: /Done/ }).textContent()).resolves.toContain('1');
    await manager.shot('task-seen-done');

    // Editing carries the version read: a change made meanwhile by someone else is not overwritten.
    await p
      .getByRole('region', { name: /Done/ })
      .getByRole('link', { name: 'Translate the welcome guide' })
      .click();
    await p.getByRole('button', { name: 'Edit the task' }).click();
    await p.getByLabel('Due date').fill('2027-04-30');
    const [row] = await stack.query<{ id: string; version: number }>(
      `SELECT id, version FROM tasks WHERE title = 'Translate the welcome guide'`,
    );
    await stack
      .http()
      .patch(`/tasks/${row.id}`)
      .set(bearer(managerApi))
      .set('If-Match', `"${row.version}"`)
      .send({ priority: 'urgent' })
      .expect(200);
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByRole('alert').filter({ hasText: 'Someone changed this meanwhile' }).waitFor();
    await manager.shot('task-edit-stale');
    await p.reload();
    await p.getByText('Urgent').first().waitFor();
    await p.getByRole('button', { name: 'Edit the task' }).click();
    await p.getByLabel('Due date').fill('2027-04-30');
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByText(/due 4\/30\/2027/).waitFor();
    await manager.shot('task-edited');
    await p.getByRole('link', { name: 'Back to the programme' }).click();

    // An indicator, a value for a period, and its chart against baseline and target (with its table).
    const ind = p.locator('form', { has: p.getByRole('heading', { name: 'New indicator' }) });
    await ind.getByLabel('Name').fill('Participants in work');
    await ind.getByLabel('Unit').fill('%');
    await ind.getByLabel('Baseline').fill('20');
    await ind.getByLabel('Target').fill('60');
    await ind.getByRole('button', { name: 'Add indicator' }).click();
    const indicator = p.locator('.indicator', {
      has: p.getByRole('heading', { name: 'Participants in work' }),
    });
    await indicator.getByLabel('Period start').fill('2027-01-01');
    await indicator.getByLabel('Period end').fill('2027-03-31');
    await indicator.getByLabel('Value', { exact: true }).fill('35');
    await indicator.getByRole('button', { name: 'Record a value of Participants in work' }).click();
    const chartRows = indicator
      .getByRole('table', { name: 'Participants in work: values against target' })
      .getByRole('row');
    await chartRows.filter({ hasText: '35%' }).waitFor();
    await expect(chartRows.filter({ hasText: 'Target' }).textContent()).resolves.toContain('60%');
    await manager.shot('indicator-chart');

    manager.expectClean();
    partner.expectClean();
    expect([...manager.thirdParty, ...partner.thirdParty]).toEqual([]);
  });

  it('a municipal officer runs a consultation that a migrant association answers in Arabic, then publishes the outcome', async () => {
    const cityOrg = await createOrganization(stack, admin, 'government', 'City of Riverton');
    const assocOrg = await createOrganization(stack, admin, 'migrant_association', 'Afghan Women Riverton');
    await onboardUser(stack, smtp, admin, cityOrg, 'officer@city.test', 'member');
    await onboardUser(stack, smtp, admin, assocOrg, 'member@afghan.test', 'member');

    const officer = await open('consultation', 'officer');
    await officer.signIn('officer@city.test', PASSWORD);
    await officer.nav('Consultations');
    await officer.shot('consultations');
    const p = officer.page;
    await p.getByRole('link', { name: 'New consultation' }).click();
    await p.getByLabel('Main language').selectOption('en');
    await p.getByLabel('العربية').check();
    await p.getByLabel('Title (English)').fill('Night buses');
    await p.getByLabel('Title (العربية)').fill('الحافلات الليلية');
    await p.getByLabel('Description (English)').fill('Should the city run night buses on line 7?');
    await p.getByLabel('Description (العربية)').fill('هل ينبغي للمدينة تشغيل حافلات ليلية على الخط 7؟');
    await p.getByLabel(/Afghan Women Riverton/).check();
    await officer.shot('new-consultation');
    await p.getByRole('button', { name: 'Create draft' }).click();
    await p.getByRole('heading', { name: 'Night buses' }).waitFor();

    const q = p.locator('form', { has: p.getByRole('heading', { name: 'New question' }) });
    await q.getByLabel('Type of answer').selectOption('single_choice');
    await q.getByLabel('Question (English)').fill('Would you use a night bus?');
    await q.getByLabel('Question (العربية)').fill('هل ستستخدم الحافلة الليلية؟');
    await q.getByLabel('Choices (English)').fill('Yes\nNo');
    await q.getByLabel('Choices (العربية)').fill('نعم\nلا');
    await q.getByRole('button', { name: 'Add question' }).click();
    await p.getByText('Would you use a night bus?').waitFor();

    const m = p.locator('form', { has: p.getByRole('heading', { name: 'Schedule a meeting' }) });
    await m.getByLabel('Title').fill('Public meeting at the library');
    await m.getByLabel('Location').fill('Riverton public library');
    await m.getByRole('button', { name: 'Schedule meeting' }).click();
    await p.getByText('Public meeting at the library', { exact: true }).waitFor();
    await officer.shot('editor-draft');

    await p.getByRole('button', { name: 'Schedule', exact: true }).click();
    await confirmIn(p, 'Schedule');
    await p.locator('.badge', { hasText: 'Scheduled' }).waitFor();
    await p.getByRole('button', { name: 'Open now' }).click();
    await confirmIn(p, 'Open now');
    await p.locator('.badge', { hasText: 'Open' }).waitFor();
    await officer.shot('editor-open');

    // The association's member answers, in Arabic: the form turns right-to-left.
    const member = await open('consultation', 'association', { width: 375, height: 800 });
    await member.signIn('member@afghan.test', PASSWORD);
    await member.page.getByRole('link', { name: 'Night buses', exact: true }).click();
    await member.page.locator('.respond').waitFor();
    await member.shot('respond-en');
    // A phone-sized screen: nothing wider than the screen. Navigating put the focus on the page's
    // heading (screen readers announce it); the keyboard goes on from there to the form.
    await expect(
      member.page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(375);
    await expect(member.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    await member.page.keyboard.press('Tab');
    await expect(member.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SELECT');
    await member.page.locator('.respond select').first().selectOption('ar');
    const form = member.page.locator('.respond');
    await expect(form.getAttribute('dir')).resolves.toBe('rtl');
    await expect(form.getAttribute('lang')).resolves.toBe('ar');
    await member.page.getByRole('heading', { name: 'الحافلات الليلية' }).waitFor();
    await member.page.getByLabel('نعم').check();
    await member.shot('respond-ar');
    await member.page.getByRole('button', { name: 'إرسال إجابتي' }).click();
    await member.page.getByRole('status').filter({ hasText: 'شكرًا لكم' }).waitFor();
    await member.shot('respond-ar-sent');
    // The member signs up for the public meeting, listed in Arabic like the form around it.
    await member.page.getByRole('heading', { name: 'الاجتماعات' }).waitFor();
    await member.page.getByRole('button', { name: /^سأحضر/ }).click();
    await member.page.locator('.badge', { hasText: 'أنتم مسجَّلون للحضور' }).waitFor();

    // The officer closes it, reads the results and publishes the outcome.
    await p.reload();
    await p.getByRole('button', { name: 'Close now' }).click();
    await confirmIn(p, 'Close now');
    await p.locator('.badge', { hasText: 'Closed' }).waitFor();
    await p.getByRole('link', { name: 'Results' }).click();
    await p.getByRole('heading', { name: 'Results: Night buses' }).waitFor();
    const chart = p.locator('figure', { hasText: 'Would you use a night bus?' });
    await expect(chart.getByRole('row', { name: /^Yes/ }).textContent()).resolves.toContain('100% (1)');
    await officer.shot('results');
    await p.getByRole('link', { name: 'Back to the consultation' }).click();
    await p
      .getByLabel('Summary (English)')
      .fill('You asked for night buses; line 7 runs at night from September.');
    await p.getByLabel('Summary (العربية)').fill('طلبتم حافلات ليلية؛ سيعمل الخط 7 ليلاً اعتبارًا من سبتمبر.');
    await p.getByLabel('Decision 1 (English)').fill('Night buses on line 7 from September');
    await p.getByLabel('Decision 1 (العربية)').fill('حافلات ليلية على الخط 7 من سبتمبر');
    await officer.shot('outcome-form');
    await p.getByRole('button', { name: 'Publish outcome' }).click();
    await confirmIn(p, 'Publish outcome');
    await p.locator('.badge', { hasText: 'Outcome published' }).waitFor();
    await officer.shot('outcome-published');

    // The association reads the outcome page.
    await member.nav('Consultations');
    await member.page.getByRole('link', { name: 'Outcome' }).click();
    await member.page
      .getByText('Night buses on line 7 from September')
      .or(member.page.getByText('حافلات ليلية على الخط 7 من سبتمبر'))
      .first()
      .waitFor();
    await member.page.locator('select').last().selectOption('ar');
    await member.page.getByRole('heading', { name: 'قلتم، وفعلنا' }).waitFor();
    await member.page.getByText('حافلات ليلية على الخط 7 من سبتمبر').waitFor();
    await member.shot('outcome-ar');

    officer.expectClean();
    member.expectClean();
    expect([...officer.thirdParty, ...member.thirdParty]).toEqual([]);
  });

  it('an employer logs a placement, imports a CSV with one bad row and answers a check-in', async () => {
    const employerOrg = await createOrganization(stack, admin, 'employer', 'Riverton Foods');
    await onboardUser(stack, smtp, admin, employerOrg, 'hr@foods.test', 'org_admin');
    const hr = await open('placements', 'employer');
    await hr.signIn('hr@foods.test', PASSWORD);
    await hr.nav('Placements');
    await hr.page.getByRole('heading', { name: 'Placements' }).waitFor();
    await hr.shot('placements-empty');
    const p = hr.page;

    // Log a placement started 13 months ago (its 3-, 6- and 12-month check-ins are due at once).
    const started = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    // The code lists arrive late (a slow connection): what is typed before they come still counts.
    await p.route('**/classifications', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    await p.getByRole('link', { name: 'Log a placement' }).click();
    await p.getByLabel('Year of birth').fill('1994');
    await p.getByLabel('Gender').selectOption('female');
    await p.getByRole('combobox', { name: 'Country of origin' }).fill('Syria');
    await p.getByLabel('Year of arrival').fill('2021');
    await p.getByLabel('Status', { exact: true }).selectOption('refugee_or_asylum');
    await p.getByLabel('Job title').fill('Kitchen assistant');
    await p.getByRole('combobox', { name: 'Occupation (ISCO-08)' }).fill('94120');
    await p.getByRole('combobox', { name: 'Sector (ISIC)' }).fill('Accommodation and food (I)');
    await p.getByLabel('Start date').fill(started);
    await p.getByRole('button', { name: 'Log placement' }).click();
    // The occupation code is wrong: nothing is registered, the error is next to the field.
    const occupation = p.getByRole('combobox', { name: 'Occupation (ISCO-08)' });
    await occupation.and(p.locator('[aria-invalid="true"]')).waitFor();
    await p
      .getByText(/ISCO-08 code/)
      .first()
      .waitFor();
    await hr.shot('log-placement-field-error');
    await occupation.fill('9412');
    await pickOption(p, occupation, 'Kitchen helpers (9412)');
    await p.getByRole('button', { name: 'Log placement' }).click();
    await p.getByRole('heading', { name: /^Kitchen assistant · TP-/ }).waitFor();
    await hr.shot('placement-logged');
    await hr.nav('Placements');

    // Import a CSV with one good and one bad row.
    await p.getByRole('link', { name: 'Import placements (CSV)' }).click();
    const header =
      'participantReference,yearOfBirth,gender,countryOfOrigin,arrivalYear,statusCategory,languages,consentGivenAt,consentScope,programmeId,jobTitle,occupationCode,sector,startDate,contractType,hoursPerWeek';
    const csv = [
      header,
      ',1990,male,AF,2022,refugee_or_asylum,fa;en,2026-01-10,placement follow-up,,Warehouse operative,9333,H,2026-02-01,permanent,38',
      ',1988,female,ER,2020,family,ti,2026-01-10,placement follow-up,,Baker,ABC,C,2026-02-01,fixed_term,30',
    ].join('\n');
    await p
      .getByLabel('CSV file')
      .setInputFiles({ name: 'placements.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await p.getByLabel('Import the good rows').check();
    await hr.shot('import-form');
    await p.getByRole('button', { name: 'Upload and import' }).click();
    await p.locator('.badge', { hasText: 'Completed' }).waitFor({ timeout: 30_000 });
    await expect(p.locator('.import-summary').textContent()).resolves.toContain(
      '1 placement(s) created, 1 row error(s).',
    );
    const errors = p.getByRole('table', { name: 'Rows with errors' });
    const row = errors.getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toMatch(/^3occupationCode/);
    await hr.shot('import-row-errors');

    // Answer a due check-in (the worker opens them from delayed jobs).
    await hr.nav('Placements');
    await p.getByRole('cell', { name: 'Warehouse operative' }).waitFor();
    await hr.shot('placements-after-import');
    await p.getByRole('link', { name: 'Retention check-ins' }).click();
    await eventually(
      hr,
      p.getByRole('heading', { name: /^3-month check-in: Kitchen assistant/ }),
      'the 3-month check-in',
    );
    await hr.shot('check-ins-due');
    const first = /^3-month check-in: Kitchen assistant/;
    const item = p.locator('li', { has: p.getByRole('heading', { name: first }) });
    await item.getByLabel('Yes').check();
    await item.getByRole('button', { name: 'Send answer' }).click();
    await p.getByRole('heading', { name: first }).waitFor({ state: 'detached' });
    await p.getByRole('heading', { name: /^6-month check-in: Kitchen assistant/ }).waitFor();
    await hr.shot('check-in-answered');
    const answered = await stack.query<{ still_employed: boolean }>(
      `SELECT c.still_employed FROM retention_checks c JOIN placements p ON p.id = c.placement_id
        WHERE p.job_title = 'Kitchen assistant' AND c.status = 'answered'`,
    );
    expect(answered).toEqual([{ still_employed: true }]);

    // The console in French.
    await p.getByLabel('Language').first().selectOption('fr');
    await p.getByRole('heading', { name: 'Suivis de maintien dans l’emploi' }).waitFor();
    await hr.shot('check-ins-fr');

    hr.expectClean();
    expect(hr.thirdParty).toEqual([]);
  });

  it('a platform admin opens the queue dashboard; a user sets notification preferences', async () => {
    const orgId = await createOrganization(stack, admin, 'civil_society', 'Legal Aid Riverton');
    await onboardUser(stack, smtp, admin, orgId, 'staff@legalaid.test', 'member');
    const root = await open('admin', 'admin');
    await root.signIn(ADMIN.email, ADMIN.password);
    await root.nav('Admin');
    await root.page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await root.shot('organizations');
    // Members: the staff member becomes an organisation admin.
    await root.page.getByRole('link', { name: 'Legal Aid Riverton' }).click();
    await root.page
      .getByRole('row', { name: /staff@legalaid\.test/ })
      .getByRole('button', { name: /^Make organisation admin/ })
      .click();
    await confirmIn(root.page, 'Make organisation admin');
    await root.page
      .getByRole('row', { name: /staff@legalaid\.test/ })
      .getByText('Organisation admin')
      .waitFor();
    await root.shot('organization-members');
    await root.page.getByRole('link', { name: 'Organisations' }).click();
    await root.page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Audit trail' })
      .click();
    await root.page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    // Records are named in words, and filtered by a kind chosen by name, not a stored code.
    await root.page.getByLabel('Record type').selectOption({ label: 'Membership' });
    await root.page.getByRole('button', { name: 'Search' }).click();
    const auditRows = root.page.getByRole('table').getByRole('row');
    await auditRows
      .nth(1)
      .getByText(/^Membership /)
      .waitFor();
    await expect(root.page.getByRole('table').textContent()).resolves.not.toMatch(/\bmembership\b/);
    await root.shot('audit');
    await root.page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Queue dashboard' })
      .click();
    await root.page.getByRole('heading', { name: 'Jobs that failed for good' }).waitFor();
    await root.shot('jobs');
    const [dashboard] = await Promise.all([
      root.page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/admin/queues' && r.request().method() === 'GET',
      ),
      root.page.getByRole('button', { name: 'Open the queue dashboard' }).click(),
    ]);
    expect(dashboard.status()).toBe(200);
    await root.page.waitForLoadState('load');
    await root.shot('queue-dashboard');
    root.expectClean();
    expect(root.thirdParty.every((u) => u.startsWith('https://fonts.googleapis.com/'))).toBe(true);

    // Preferences: a bad time zone is shown next to its field; a good one is saved.
    const staff = await open('admin', 'staff');
    await staff.signIn('staff@legalaid.test', PASSWORD);
    await staff.nav('Profile');
    const p = staff.page;
    await p.getByRole('heading', { name: 'Notification preferences' }).waitFor();
    await p.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await p.getByLabel('E-mail', { exact: true }).selectOption('daily_digest');
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByLabel('Time zone').and(p.locator('[aria-invalid="true"]')).waitFor();
    await staff.shot('preferences-field-error');
    await p.getByLabel('Time zone').fill('Europe/Lisbon');
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await staff.shot('preferences-saved');
    const session = await login(stack, 'staff@legalaid.test', PASSWORD);
    const saved = await stack.http().get('/me/notification-preferences').set(bearer(session)).expect(200);
    expect(saved.body).toMatchObject({ timeZone: 'Europe/Lisbon', email: { default: 'daily_digest' } });
    staff.expectClean();
  });

  it('a programme manager requests a report, follows it, downloads it, and schedules one', async () => {
    const leadOrg = await createOrganization(stack, admin, 'civil_society', 'Newcomers Hub');
    const lead = await onboardUser(stack, smtp, admin, leadOrg, 'manager@hub.test', 'org_admin');
    await stack
      .http()
      .post('/programmes')
      .set(bearer(lead))
      .send({
        title: 'Hub Language Cafe',
        leadOrganizationId: leadOrg,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        country: 'PT',
      })
      .expect(201);

    const manager = await open('reports', 'manager');
    await manager.signIn('manager@hub.test', PASSWORD);
    await manager.nav('Reports');
    const p = manager.page;
    await p.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await manager.shot('reports');
    const request = p.getByRole('region', { name: 'Request a report' });
    await request.getByLabel('Report').selectOption('programme_progress');
    await request.getByLabel('Format').selectOption('csv');
    // No programme chosen: the API names the parameter, shown next to the field.
    await request.getByRole('button', { name: 'Request report' }).click();
    await request.getByLabel('Programme').and(p.locator('[aria-invalid="true"]')).waitFor();
    await manager.shot('report-field-error');
    await request.getByLabel('Programme').selectOption({ label: 'Hub Language Cafe' });
    await request.getByRole('button', { name: 'Request report' }).click();
    const mine = p.getByRole('region', { name: 'My reports' });
    await mine.locator('.badge', { hasText: 'Done' }).waitFor({ timeout: 30_000 });
    await manager.shot('report-done');
    const [file] = await Promise.all([
      p.waitForEvent('download'),
      mine
        .getByRole('button', { name: /^Download/ })
        .first()
        .click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toContain('tasks_by_state');
    expect(text).toContain('Newcomers Hub');

    const schedule = p.locator('form', { has: p.getByRole('heading', { name: 'Schedule a report' }) });
    await schedule.getByLabel('Name (optional)').fill('Monthly progress for the board');
    await schedule.getByLabel('Report').selectOption('programme_progress');
    await schedule.getByLabel('Format').selectOption('pdf');
    await schedule.getByLabel('How often').selectOption('monthly');
    await schedule.getByLabel('Programme').selectOption({ label: 'Hub Language Cafe' });
    await schedule.getByRole('button', { name: 'Create schedule' }).click();
    await p.getByText('Monthly progress for the board', { exact: true }).waitFor();
    await manager.shot('report-scheduled');
    manager.expectClean();
  });
});
