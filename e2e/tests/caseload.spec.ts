import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';

test('a coach sees their caseload with masked BSNs and Dutch dates', async ({ page }) => {
  await login(page, 'coach1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const bsnCells = page.locator('td').filter({ hasText: /^\s*\*{6}\d{3}\s*$/ });
  await expect(bsnCells.first()).toBeVisible();
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/\b99\d{7}\b/);
  expect(body).toMatch(/\b\d{2}-\d{2}-\d{4}\b/);
  // The demo seed gives coach1 125 of its 250 clients (every even one; every tenth has no coach).
  await expect(page.getByText(/1 – 20 van 125/)).toBeVisible();
});

test('two coaches see different caseloads', async ({ page, browser }) => {
  await login(page, 'coach1');
  await page.goto('/clienten');
  const firstRow = await page.getByRole('row').nth(1).innerText();
  const other = await (await browser.newContext()).newPage();
  await login(other, 'coach2');
  await other.goto('/clienten');
  await expect(other.getByRole('row').nth(1)).toBeVisible();
  expect(await other.getByRole('row').nth(1).innerText()).not.toBe(firstRow);
});
