/**
 * Debian's Chromium, headless, for every browser test (never a downloaded browser), and the few
 * moves every keyboard test makes: where focus is, Tab to a field, log in on the way to a page;
 * and the accessibility check every page must pass.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testCode } from './staffAccounts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
}

/** The id of the element with focus ('' for none). A string expression: tests compile without the DOM library. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
}

/**
 * Waits until `id` has focus. Chromium applies `autofocus` in a task after the load event, so on
 * a busy machine a keystroke sent right after navigation can land before it; a keyboard user
 * (who waits for the page) never notices. Fails, naming where focus is, if it never arrives.
 */
export async function waitForFocus(page: Page, id: string, timeoutMs = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      `document.activeElement && document.activeElement.id === ${JSON.stringify(id)}`,
      null,
      {
        timeout: timeoutMs,
      },
    );
  } catch {
    throw new Error(`focus never reached #${id} (focus on #${await focusedId(page)})`);
  }
}

/** Tab forward until the element with `id` has focus, as a keyboard user would. */
export async function tabTo(page: Page, id: string, most = 120): Promise<void> {
  for (let i = 0; i < most; i++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached #${id} with Tab (focus on #${await focusedId(page)})`);
}

/**
 * Opens `url` (behind the login), logs in with the keyboard alone (the login page focuses the
 * account field, Tab leads to the password and on to the code, which the test account's
 * authenticator would show now; Enter submits) and waits to be back at `url`.
 */
export async function logInByKeyboard(
  page: Page,
  url: string,
  account: string,
  password: string,
): Promise<void> {
  await page.goto(url);
  if (new URL(page.url()).pathname !== '/inloggen') {
    throw new Error(`${url} did not ask for a login (at ${page.url()})`);
  }
  await waitForFocus(page, 'id');
  await page.keyboard.type(account);
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'wachtwoord');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'code');
  await page.keyboard.type(testCode(account));
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

/** The rules a Dutch public service is held to: WCAG 2.1 levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe files these under best practice, not WCAG; we hold every page to them too: headings in
 * order under one h1, and the content in the main landmark.
 */
const STRUCTURE_RULES = ['heading-order', 'page-has-heading-one', 'landmark-one-main'];

/**
 * Runs axe-core on the page as it stands and returns one line per failing element, naming `where`
 * (the page, language and size), the rule and the element; an empty list when the page passes.
 */
export async function accessibilityProblems(page: Page, where: string): Promise<string[]> {
  const wcag = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const structure = await new AxeBuilder({ page }).withRules(STRUCTURE_RULES).analyze();
  return [...wcag.violations, ...structure.violations].flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where}: ${violation.id} (${violation.impact ?? '-'}; ${violation.help}) at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`,
    ),
  );
}
