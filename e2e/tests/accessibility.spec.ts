import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.length} × ${violation.help}`,
  );
  expect(summary).toEqual([]);
}

test('axe: the login page has no WCAG 2.1 AA violations, also with an error shown', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul uw gebruikersnaam in.')).toBeVisible();
  await expectNoViolations(page);
});

test('axe: the home page has no WCAG 2.1 AA violations', async ({ page }) => {
  await login(page, 'coach1');
  await expectNoViolations(page);
});

test('axe: user management and its dialog have no WCAG 2.1 AA violations', async ({ page }) => {
  await login(page, 'admin1');
  await page.getByRole('link', { name: 'Gebruikersbeheer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikersbeheer' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'coach1', exact: true })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page);
});

test('the skip link is the first stop of the keyboard and moves focus to the main content', async ({
  page,
}) => {
  await login(page, 'coach1');
  // A fresh page load (the session is restored from the refresh cookie), as a keyboard user arrives.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar hoofdinhoud' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#hoofdinhoud')).toBeFocused();
});
