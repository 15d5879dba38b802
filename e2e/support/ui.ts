import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Axe finds no WCAG 2.1 AA violation on the page as it is now (dialogs included). */
export async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.length} × ${violation.help}`,
  );
  expect(summary).toEqual([]);
}

/**
 * Opens a mat-select from the keyboard (its floating label covers the box for pointer hit-tests).
 * A select whose options are still loading does not open, as for a user; so it is tried again
 * until the option shows, instead of pressing once and waiting for a panel that never comes.
 */
export async function choose(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string | RegExp,
): Promise<void> {
  const wanted = page.getByRole('option', { name: option, exact: typeof option === 'string' });
  await expect(async () => {
    if (!(await wanted.isVisible())) await scope.getByRole('combobox', { name: label }).press('Enter');
    await expect(wanted).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await wanted.click();
}

/**
 * Material moves a snack bar's text and button out of an aria-hidden holder into its live region
 * about 150 ms after opening; role queries skip aria-hidden content, so this waits for the move
 * (axe would otherwise catch the focusable button in the hidden holder mid-way).
 */
export async function snackBarAnnounced(page: Page, text: string): Promise<void> {
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sluiten' })).toBeVisible();
}
