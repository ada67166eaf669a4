import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser, Page } from 'playwright-core';
import { bearer, createOrganization, loginAdmin, onboardUser, PASSWORD, Session } from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp';
import { TestStack } from '../support/stack';
import { expectAccessible } from './axe';
import { launchChromium, Person } from './harness';

const PHONE = { width: 375, height: 800 };

/**
 * The interface text of the respondent's side (the region that carries lang="ar"), with the data
 * left out: what the officer typed is data, and so are the names of the other languages offered in
 * the language picker (each is written in its own language and marked with its own `lang`).
 */
async function latinInterfaceText(page: Page, region: string): Promise<string[]> {
  return page.locator(region).evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[data-user-text], option, [hidden]')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang');
      if (lang && lang !== 'ar') continue;
      const text = n.textContent?.trim() ?? '';
      if (/[A-Za-z]/.test(text)) found.push(text);
    }
    // What assistive technology reads out counts too.
    for (const el of Array.from(root.querySelectorAll('[aria-label]')))
      if (/[A-Za-z]/.test(el.getAttribute('aria-label') ?? ''))
        found.push(`aria-label: ${el.getAttribute('aria-label')}`);
    return found;
  });
}

/**
 * A migrant association's member walks the whole respondent path in Arabic on a phone: the form,
 * the thank-you, the meeting sign-up and its status, the closed consultation with her own answer and
 * no sign-up left, and the published outcome. No interface string in Latin script (data aside),
 * axe-core finds nothing, nothing is wider than 375 px.
 */
describe('the respondent path in Arabic', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let browser: Browser;
  let member: Person | undefined;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await member?.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await smtp.stop();
  });

  it('answers, signs up, reads back her answer after closing and reads the outcome, all in Arabic', async () => {
    const admin = await loginAdmin(stack);
    const city = await createOrganization(stack, admin, 'government', 'City of Riverton');
    const assoc = await createOrganization(stack, admin, 'migrant_association', 'Sudanese Women Riverton');
    const officer: Session = await onboardUser(
      stack,
      smtp,
      admin,
      city,
      'officer@riverton-ar.test',
      'member',
    );
    await onboardUser(stack, smtp, admin, assoc, 'huda@sudanese.test', 'member');
    const http = () => stack.http();
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const id = (
      await http()
        .post('/consultations')
        .set(bearer(officer))
        .send({
          organizationId: city,
          title: { en: 'Market hours', ar: 'ساعات السوق' },
          description: { en: 'When should the market open?', ar: 'متى يجب أن يفتح السوق؟' },
          languages: ['en', 'ar'],
          opensAt: at(3_600_000),
          closesAt: at(7_200_000),
          anonymous: false,
          audience: 'invited',
          invitedOrganizationIds: [assoc],
        })
        .expect(201)
    ).body.id as string;
    await http()
      .post(`/consultations/${id}/questions`)
      .set(bearer(officer))
      .send({
        type: 'single_choice',
        prompt: { en: 'Which day suits you?', ar: 'أي يوم يناسبك؟' },
        options: [
          { value: 'option_1', label: { en: 'Friday', ar: 'الجمعة' } },
          { value: 'option_2', label: { en: 'Saturday', ar: 'السبت' } },
        ],
        required: true,
      })
      .expect(201);
    const startsAt = at(2 * 86_400_000);
    await http()
      .post(`/consultations/${id}/meetings`)
      .set(bearer(officer))
      .send({
        title: 'لقاء في المكتبة',
        type: 'in_person',
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        location: 'مكتبة ريفرتون',
      })
      .expect(201);
    for (const to of ['scheduled', 'open'])
      await http().post(`/consultations/${id}/transitions`).set(bearer(officer)).send({ to }).expect(200);

    member = await Person.open(browser, stack.baseUrl, 'respondent-ar', 'member', PHONE);
    await member.signIn('huda@sudanese.test', PASSWORD);
    const p = member.page;
    const expectArabic = async (label: string) => {
      await expect(latinInterfaceText(p, '.respond, .outcome')).resolves.toEqual([]);
      // Read right to left: the respondent's area as the browser lays it out, whichever element sets it.
      await expect(
        p.evaluate(() => {
          const area = document.querySelector('.respond, .outcome');
          return area && getComputedStyle(area).direction;
        }),
      ).resolves.toBe('rtl');
      await expectAccessible(p, PHONE.width);
      await member!.shot(label);
    };

    // The home page lists the open consultation her organisation has not answered.
    await p.getByRole('link', { name: 'Market hours', exact: true }).first().click();
    await p.locator('.respond').waitFor();
    await p.locator('.respond select').first().selectOption('ar');
    await p.getByRole('heading', { name: 'ساعات السوق' }).waitFor();
    await expectArabic('form');

    await p.getByLabel('السبت').check();
    await p.getByRole('button', { name: 'إرسال إجابتي' }).click();
    await p.getByRole('status').filter({ hasText: 'شكرًا لكم' }).waitFor();
    await p.getByRole('button', { name: /^سأحضر/ }).click();
    await p.locator('.badge', { hasText: 'أنتم مسجَّلون للحضور' }).waitFor();
    await expectArabic('sent-and-signed-up');

    // Closed: no "open until", no sign-up, her own answer read back.
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'closed' })
      .expect(200);
    await p.reload();
    await p.locator('.respond select').first().selectOption('ar');
    await p.getByRole('heading', { name: 'إجابة منظمتكم' }).waitFor();
    await p.getByText('هذه الاستشارة مغلقة: لم تعد الإجابات مقبولة.').waitFor();
    await expect(p.locator('.respond').textContent()).resolves.not.toContain('مفتوحة حتى');
    await expect(p.locator('.respond').textContent()).resolves.toContain('أُغلقت في');
    await expect(p.locator('dl.answers dd').first().textContent()).resolves.toBe('السبت');
    expect(await p.getByRole('button', { name: /^سأحضر/ }).count()).toBe(0);
    await p.getByText('انتهى التسجيل في الاجتماعات بإغلاق الاستشارة.').waitFor();
    await expectArabic('closed-own-answer');

    // The outcome, in Arabic.
    await http()
      .post(`/consultations/${id}/outcome`)
      .set(bearer(officer))
      .send({
        summary: { en: 'The market opens on Saturdays.', ar: 'سيفتح السوق أيام السبت.' },
        decisions: [{ text: { en: 'Saturday market from June', ar: 'سوق السبت ابتداءً من يونيو' } }],
      })
      .expect(201);
    await p.waitForLoadState('networkidle');
    await member.goto(`/app/consultations/${id}/outcome`);
    await p.locator('.outcome select').selectOption('ar');
    await p.getByRole('heading', { name: 'قلتم، وفعلنا' }).waitFor();
    await p.getByText('سوق السبت ابتداءً من يونيو').waitFor();
    await expectArabic('outcome');

    member.expectClean();
    expect(member.thirdParty).toEqual([]);
  });
});
