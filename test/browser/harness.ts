import { expect } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, '.test', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!executablePath) throw new Error('Chromium is missing (the browser global setup installs it)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

// Chromium logs every 4xx answer of fetch() as a console error. A 4xx is an answer the console shows
// the user (a field error, "not answered yet"), not a failure; 5xx answers and failed requests are
// caught below, so only these lines are let through.
const EXPECTED_4XX = /^Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * One person's browser: its own context (cookies, storage), a page that records every console
 * error, page error, failed request and 5xx answer, and numbered full-page screenshots of each
 * screen visited under .test/screenshots/<scenario>/.
 */
export class Person {
  readonly problems: string[] = [];
  private shots = 0;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly dir: string,
    readonly baseUrl: string,
    /** Requests to other hosts (answered empty): the console itself must make none. */
    readonly thirdParty: string[],
  ) {}

  static async open(
    browser: Browser,
    baseUrl: string,
    scenario: string,
    name: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<Person> {
    const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
    // The console loads nothing from other hosts (its CSP would refuse it). The api's queue dashboard
    // (bull-board) asks Google Fonts for a typeface; the test machine is offline, so such requests get
    // an empty answer instead of failing, and are listed in `thirdParty`.
    const thirdParty: string[] = [];
    await context.route(
      (url) => url.origin !== new URL(baseUrl).origin,
      (route) => {
        thirdParty.push(route.request().url());
        return route.fulfill({ status: 200, body: '' });
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const dir = path.join(SCREENSHOTS, scenario);
    mkdirSync(dir, { recursive: true });
    // A fresh set each run: drop this person's screenshots of an earlier run.
    for (const f of readdirSync(dir)) if (f.startsWith(`${name}-`)) rmSync(path.join(dir, f));
    const person = new Person(name, context, page, dir, baseUrl, thirdParty);
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !EXPECTED_4XX.test(msg.text()))
        person.problems.push(`console error: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => person.problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) =>
      person.problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`),
    );
    page.on('response', (res) => {
      if (res.status() >= 500)
        person.problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
    });
    return person;
  }

  async goto(pathname: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${pathname}`);
  }

  /** A full-page screenshot of the current screen, numbered in visiting order. */
  async shot(label: string): Promise<void> {
    this.shots += 1;
    const file = `${this.name}-${String(this.shots).padStart(2, '0')}-${label}.png`;
    await this.page.screenshot({ path: path.join(this.dir, file), fullPage: true });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.goto('/');
    await expect(this.page.url()).toContain('/app/');
    await this.page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    await this.shot('sign-in');
    await this.page.getByLabel('E-mail address').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('heading', { name: /^Welcome, / }).waitFor();
  }

  /** Follows a link of the main navigation. */
  async nav(name: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name, exact: true })
      .click();
  }

  /** Fails the test on any console error, page error, failed request or 5xx seen so far. */
  expectClean(): void {
    expect(this.problems).toEqual([]);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Waits for `locator`, reloading the page between tries: for what the worker does in the background. */
export async function eventually(person: Person, locator: Locator, what: string, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await locator.waitFor({ timeout: 3000 });
      return;
    } catch {
      await person.page.reload();
    }
  }
  await person.shot('timed-out');
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * An irreversible or far-reaching action asks first: a modal dialog (the page behind is inert) that
 * says what will happen. Checks it is open and says something, then presses `button` in it.
 */
export async function confirmIn(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).resolves.toBe(
    true,
  );
  await expect(dialog.locator('[id$="-body"]').textContent()).resolves.toMatch(/\S{3,}.*\S{3,}/);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Picks `option` in the open list of `combobox` and waits until the pick has landed in the form
 * (the box shows the option's name, which it does only once the form holds the code): a submit
 * pressed before that would send the form's previous value, faster than any person clicks.
 */
export async function pickOption(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  const item = page.getByRole('option', { name: option });
  const name = (await item.textContent())?.trim() ?? '';
  await item.click();
  const until = Date.now() + 10_000;
  while ((await combobox.inputValue()) !== name) {
    if (Date.now() > until)
      throw new Error(`the pick of "${name}" did not land (box shows "${await combobox.inputValue()}")`);
    await page.waitForTimeout(50);
  }
}

export { axeViolations, describeViolations } from './axe';
export type { AxeViolation } from './axe';

/** How much wider than the viewport the page is (0 when it fits): nothing may scroll sideways. */
export const overflowOf = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Interface text in Latin script on an Arabic page: every visible text node and accessible name
 * (aria-label) outside `<code>`, elements in another language (`lang` other than ar: a language's own
 * name in the switch) and the given data (titles, names, e-mail addresses the test created), with
 * format acronyms (CSV, PDF, ISCO-08) let through. Returns what is left, which should be nothing.
 */
export async function latinInterfaceText(page: Page, data: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const foreign = (el: Element | null) => {
      const lang = el?.closest('[lang]')?.getAttribute('lang') ?? 'ar';
      return !lang.startsWith('ar') || !!el?.closest('code, script, style, [aria-hidden="true"]');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || foreign(el) || !(n.textContent ?? '').trim()) continue;
      if (el.closest('option') === null && el.getClientRects().length === 0) continue;
      out.push((n.textContent ?? '').trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
      if (!foreign(el))
        for (const a of ['aria-label', 'placeholder', 'title'])
          if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    out.push(document.title);
    return out;
  });
  const left: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const d of data) rest = rest.split(d).join(' ');
    rest = rest.replace(/\b[A-Z0-9]{2,5}(-\d+)?\b/g, ' ');
    if (/[A-Za-z]{2,}/.test(rest)) left.push(text);
  }
  return [...new Set(left)];
}
