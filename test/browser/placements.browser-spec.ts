import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser } from 'playwright-core';
import { createOrganization, loginAdmin, onboardUser, PASSWORD, Session } from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp';
import { TestStack } from '../support/stack';
import { expectAccessible } from './axe';
import { launchChromium, Person, pickOption } from './harness';

const PHONE = { width: 375, height: 800 };

/**
 * An employer's placements on a phone-sized screen: the form fixed by picking a country, languages,
 * an occupation and a sector by name, the placement page, the due check-ins with overdue flags, an
 * answer confirmed, an edit, and an end confirmed in a dialog. axe-core on every screen (0
 * violations), nothing wider than 375 px.
 */
describe('placements in the console', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let admin: Session;
  let hr: Person | undefined;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    browser = await launchChromium();
    admin = await loginAdmin(stack);
  });

  afterAll(async () => {
    await hr?.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('an employer fixes the placement form by picking names, answers an overdue check-in, edits and ends the placement, then corrects its start date', async () => {
    const employerOrg = await createOrganization(stack, admin, 'employer', 'Riverton Foods');
    await onboardUser(stack, smtp, admin, employerOrg, 'hr@foods.test', 'org_admin');
    hr = await Person.open(browser, stack.baseUrl, 'placements', 'employer', PHONE);
    await hr.signIn('hr@foods.test', PASSWORD);
    const p = hr.page;
    const registered = async () =>
      (
        await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM participants WHERE registered_by_organization_id = $1`,
          [employerOrg],
        )
      )[0].n;

    // Leave a screen only once its requests are answered (an aborted one would fail the test).
    await p.waitForLoadState('networkidle');
    await hr.goto('/app/placements/new');
    await p.getByRole('heading', { name: 'Log a placement' }).waitFor();
    // The pickers' lists are loaded once the occupation picker is usable.
    const country = p.getByRole('combobox', { name: 'Country of origin' });
    const languages = p.getByRole('combobox', { name: 'Languages' });
    const occupation = p.getByRole('combobox', { name: 'Occupation (ISCO-08)' });
    const sector = p.getByRole('combobox', { name: 'Sector (ISIC)' });
    await expectAccessible(p, PHONE.width);
    await hr.shot('log-form');

    // A first try with a country typed as a code-like fragment and an occupation left as a number
    // nobody picked: the API names both fields, nothing is registered.
    const started = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    await p.getByLabel('Year of birth').fill('1994');
    await p.getByLabel('Gender').selectOption('female');
    await country.fill('Xq');
    await p.getByLabel('Year of arrival').fill('2021');
    await p.getByLabel('Status', { exact: true }).selectOption('refugee_or_asylum');
    await p.getByLabel('Job title').fill('Kitchen assistant');
    await occupation.fill('94120');
    await p.getByLabel('Start date').fill(started);
    await p.getByRole('button', { name: 'Log placement' }).click();
    await country.and(p.locator('[aria-invalid="true"]')).waitFor();
    await occupation.and(p.locator('[aria-invalid="true"]')).waitFor();
    await expect(country.inputValue()).resolves.toBe('Xq');
    expect(await registered()).toBe(0);
    await expectAccessible(p, PHONE.width);
    await hr.shot('log-form-errors');

    // Fixed by name. "Syria" typed in full and left is Syria (SY), never "Sy".
    await country.fill('Syria');
    await country.press('Tab');
    await expect(country.inputValue()).resolves.toBe('Syria');
    // Languages by keyboard: type, arrow down, Enter; each one chosen shows as a removable chip.
    await languages.fill('arab');
    await p.getByRole('option', { name: 'Arabic' }).waitFor();
    await languages.press('ArrowDown');
    await languages.press('Enter');
    await p.getByRole('button', { name: 'Remove Arabic' }).waitFor();
    await languages.fill('tigri');
    await p.getByRole('option', { name: 'Tigrinya' }).click();
    await p.getByRole('button', { name: 'Remove Tigrinya' }).waitFor();
    // The occupation by its title; the sector by its name.
    await occupation.fill('kitchen');
    await expectAccessible(p, PHONE.width); // with the list open
    await hr.shot('occupation-picker-open');
    await pickOption(p, occupation, 'Kitchen helpers (9412)');
    await sector.fill('accommodation');
    await pickOption(p, sector, /^Accommodation and food/);
    await p.getByRole('button', { name: 'Log placement' }).click();

    // The placement page: details by name, the check-in history.
    await p.getByRole('heading', { name: /^Kitchen assistant · TP-/ }).waitFor();
    await p.getByRole('status').filter({ hasText: 'The placement is logged' }).waitFor();
    await p.getByText('Kitchen helpers (9412)').first().waitFor();
    const checkIns = p.getByRole('table').filter({ has: p.getByRole('columnheader', { name: 'Due on' }) });
    expect(await checkIns.getByRole('row').count()).toBe(4);
    await expectAccessible(p, PHONE.width);
    await hr.shot('placement-page');
    const [person] = await stack.query<{ country_of_origin: string; languages: string[] }>(
      `SELECT country_of_origin, languages FROM participants WHERE registered_by_organization_id = $1`,
      [employerOrg],
    );
    expect(person).toEqual({ country_of_origin: 'SY', languages: ['ar', 'ti'] });
    const [placement] = await stack.query<{ occupation_code: string; sector: string }>(
      `SELECT occupation_code, sector FROM placements WHERE employer_organization_id = $1`,
      [employerOrg],
    );
    expect(placement).toEqual({ occupation_code: '9412', sector: 'I' });

    // The due list: a placement started 13 months ago has three check-ins at once, each flagged.
    // Leave a screen only once its requests are answered (an aborted one would fail the test).
    await p.waitForLoadState('networkidle');
    await hr.goto('/app/check-ins');
    await p.getByRole('heading', { name: 'Retention check-ins' }).waitFor();
    const first = p.locator('li.card', { has: p.getByRole('heading', { name: /^3-month check-in/ }) });
    await first.waitFor();
    expect(await p.locator('li.card').count()).toBe(3);
    expect(await p.getByText(/Overdue: due \d+ days ago$/).count()).toBe(3);
    await expectAccessible(p, PHONE.width);
    await hr.shot('check-ins-overdue');
    await first.getByLabel('Yes').check();
    await first.getByRole('button', { name: 'Send answer' }).click();
    await p
      .getByRole('status')
      .filter({
        hasText: /^✓ Thank you: your answer about Kitchen assistant \(TP-\w+\) at 3 months is recorded\.$/,
      })
      .waitFor();
    await p.getByRole('heading', { name: /^3-month check-in/ }).waitFor({ state: 'detached' });
    expect(await p.locator('li.card').count()).toBe(2);
    await expectAccessible(p, PHONE.width);
    await hr.shot('check-in-answered');

    // Edit, then end with a confirmation that says what will happen.
    await p.getByRole('link', { name: /^6-month check-in/ }).click();
    await p.getByRole('heading', { name: /^Kitchen assistant · TP-/ }).waitFor();
    await p.getByLabel('Job title').fill('Commis chef');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await p.getByRole('heading', { name: /^Commis chef · TP-/ }).waitFor();
    await p.getByLabel('Reason').fill('moved to another city');
    await p.getByRole('button', { name: 'End placement…' }).click();
    const dialog = p.getByRole('dialog', { name: 'End this placement?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('cannot be undone');
    await expectAccessible(p, PHONE.width);
    await hr.shot('end-confirm');
    // Cancelling changes nothing; confirming ends it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await stack.query<{ status: string }>(`SELECT status FROM placements`))[0].status).toBe('active');
    await p.getByRole('button', { name: 'End placement…' }).click();
    await dialog.getByRole('button', { name: 'Yes, end it' }).click();
    await p.getByRole('status').filter({ hasText: 'The placement has ended' }).waitFor();
    await p.locator('.badge', { hasText: 'Ended' }).first().waitFor();
    await expectAccessible(p, PHONE.width);
    await hr.shot('placement-ended');
    expect(
      await stack.query<{ status: string; end_reason: string }>(`SELECT status, end_reason FROM placements`),
    ).toEqual([{ status: 'ended', end_reason: 'moved to another city' }]);

    // Once ended, the start date alone can still be corrected: not after the end date (the API's
    // message on the field), then a day earlier, which moves the check-ins not answered yet.
    const correct = p.getByRole('region', { name: 'Correct the start date' });
    const startField = correct.getByLabel('Start date');
    const dueOn = () =>
      stack.query<{ months: number; due_on: string; status: string }>(
        `SELECT months, to_char(due_on, 'YYYY-MM-DD') AS due_on, status FROM retention_checks ORDER BY months`,
      );
    const datesBefore = await dueOn();
    await startField.fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
    await correct.getByRole('button', { name: 'Save changes' }).click();
    await startField.and(p.locator('[aria-invalid="true"]')).waitFor();
    await correct.getByText(/after the end date/).waitFor();
    await expectAccessible(p, PHONE.width);
    const earlier = new Date(Date.now() - 401 * 86_400_000).toISOString().slice(0, 10);
    await startField.fill(earlier);
    await correct.getByRole('button', { name: 'Save changes' }).click();
    await p.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect(
      await stack.query<{ start_date: string }>(
        `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date FROM placements`,
      ),
    ).toEqual([{ start_date: earlier }]);
    const datesAfter = await dueOn();
    // The answered 3-month check-in keeps its date; the others moved.
    expect(datesAfter[0]).toEqual(datesBefore[0]);
    expect(datesAfter.slice(1).map((c) => c.due_on)).not.toEqual(datesBefore.slice(1).map((c) => c.due_on));

    hr.expectClean();
    expect(hr.thirdParty).toEqual([]);
  });
});
