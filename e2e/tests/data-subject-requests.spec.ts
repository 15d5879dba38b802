import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations } from '../support/ui';

/*
 * Issue 9 (R-DSR-01..04): the privacy desk registers an access request received at the desk,
 * records the identity check without a copy, and downloads the client's complete export.
 */
test('R-DSR-01, R-DSR-02, R-DSR-04: an access request from registration to the export', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'admin1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Verzoeken betrokkenen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken van betrokkenen' })).toBeVisible();
  await expect(page).toHaveTitle('Verzoeken van betrokkenen – Werkpad');
  await expectNoViolations(page);

  await test.step('register: whose, which right, how and when', async () => {
    await page.getByRole('button', { name: 'Verzoek registreren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verzoek registreren' });
    await dialog.getByRole('textbox', { name: 'Naam van de cliënt' }).fill('a');
    await dialog.getByRole('button', { name: 'Zoeken' }).click();
    // The first client the search found (demo names differ per seed); the list fills after the search.
    const firstClient = page.getByRole('option', { name: /geboren/ }).first();
    await expect(async () => {
      if (!(await firstClient.isVisible()))
        await dialog.getByRole('combobox', { name: 'Cliënt' }).press('Enter');
      await expect(firstClient).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await firstClient.click();
    await choose(page, dialog, 'Soort verzoek', 'Inzage');
    await choose(page, dialog, 'Ontvangen via', 'Balie');
    await dialog.getByRole('textbox', { name: 'Omschrijving' }).fill('Wil alle gegevens inzien');
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Registreren' }).click();
    await expect(dialog).toBeHidden();
  });

  await expect(page.getByRole('heading', { level: 1, name: /^Verzoek AVG-/ })).toBeVisible();
  await expect(page.getByText(/Nog 3[01] dagen|Nog 2[89] dagen/)).toBeVisible();
  await expect(
    page.getByText('De export kan worden gemaakt zodra de identiteit is vastgesteld'),
  ).toBeVisible();
  await expectNoViolations(page);

  await test.step('R-DSR-02: identity seen, not copied', async () => {
    await choose(page, page, 'Soort document', 'Identiteitskaart');
    await page.getByRole('textbox', { name: 'Laatste tekens documentnummer' }).fill('12ab');
    await page.getByRole('button', { name: 'Identiteit vastleggen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'nummer eindigt op 12AB' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Er is geen kopie bewaard.' })).toBeVisible();
  });

  await test.step('R-DSR-04: the export is one zip', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export downloaden (zip)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^inzage-AVG-\d{4}-\d{6}\.zip$/);
    await expectNoViolations(page);
  });
});
