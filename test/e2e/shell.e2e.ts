/**
 * The local app's shell for keyboard users and mistyped addresses: the skip button is the first Tab stop and
 * moves focus past the header and navigation to the page; a malformed or unknown record address shows a
 * plain sentence, never the API's text (SOQL positions, error codes).
 */
import type { Page } from 'playwright-core';
import { axeViolations, seededUsers, signedIn, startStack, type Stack } from './stack';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  const ae = (await seededUsers(stack)).find((u) => u.role === 'Account Executive');
  if (!ae) throw new Error('the seed has no account executive');
  ({ page } = await signedIn(stack, ae.username));
});

afterAll(async () => {
  await stack?.close();
});

it('the first Tab stop is a skip button that moves focus to the page, and axe finds nothing wrong with it', async () => {
  await page.goto('/coaching');
  await page.locator('h1').first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Tab');
  const link = page.getByRole('button', { name: 'Skip to main content' });
  await expect(link.evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
  await expect(link.isVisible()).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('main').evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

it.each([
  ['a malformed plan Id', '/plans/not-an-id'],
  ['an unknown plan Id', '/plans/a00000000000000AAA'],
  ['a quoted opportunity Id', "/opportunities/x'%20OR%20Name%20!%3D%20'"],
])('%s shows a plain sentence, not the API text', async (_what, path) => {
  await page.goto(path);
  const message = page.getByText('This record does not exist or you cannot see it.');
  await message.waitFor({ timeout: 60000 });
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/ERROR at Row|MALFORMED|INVALID_|SELECT /);
});
