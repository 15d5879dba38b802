import type { Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations } from '../support/ui';

/** Registers a request for the first client the search finds, from the register's page. */
async function registerRequest(page: Page, type: string, description: string): Promise<void> {
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
  await choose(page, dialog, 'Soort verzoek', type);
  await choose(page, dialog, 'Ontvangen via', 'Balie');
  await dialog.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
  await expectNoViolations(page);
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  await expect(dialog).toBeHidden();
}

async function openRegister(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Verzoeken betrokkenen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken van betrokkenen' })).toBeVisible();
}

async function verifyIdentity(page: Page): Promise<void> {
  await choose(page, page, 'Soort document', 'Identiteitskaart');
  await page.getByRole('textbox', { name: 'Laatste tekens documentnummer' }).fill('12ab');
  await page.getByRole('button', { name: 'Identiteit vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nummer eindigt op 12AB' })).toBeVisible();
}

/*
 * Issue 9 (R-DSR-01..04): the privacy desk registers an access request received at the desk,
 * records the identity check without a copy, and downloads the client's complete export.
 */
test('R-DSR-01, R-DSR-02, R-DSR-04: an access request from registration to the export', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'admin1');
  await openRegister(page);
  await expect(page).toHaveTitle('Verzoeken van betrokkenen – Werkpad');
  await expectNoViolations(page);

  await test.step('register: whose, which right, how and when', () =>
    registerRequest(page, 'Inzage', 'Wil alle gegevens inzien'));

  await expect(page.getByRole('heading', { level: 1, name: /^Verzoek AVG-/ })).toBeVisible();
  await expect(page.getByText(/Nog 3[01] dagen|Nog 2[89] dagen/)).toBeVisible();
  await expect(
    page.getByText('De export kan worden gemaakt zodra de identiteit is vastgesteld'),
  ).toBeVisible();
  await expectNoViolations(page);

  await test.step('R-DSR-02: identity seen, not copied', async () => {
    await verifyIdentity(page);
    await expect(page.getByRole('status').filter({ hasText: 'Er is geen kopie bewaard.' })).toBeVisible();
  });

  await test.step('R-DSR-04: the export is one zip', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export downloaden (zip)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^inzage-AVG-\d{4}-\d{6}\.zip$/);
    await expectNoViolations(page);
  });
});

/*
 * Issue 9 (R-DSR-03, R-DSR-05, R-RET-06): an erasure request is extended with a written notice and
 * decided with the retention duty as its ground; both letters are PDFs for the client.
 */
test('R-DSR-03, R-DSR-05, R-RET-06: an erasure request with an extension letter and a decision letter', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'admin1');
  await openRegister(page);
  await registerRequest(page, 'Verwijdering', 'Wil dat alle gegevens worden gewist');
  await expect(page.getByRole('heading', { level: 1, name: /^Verzoek AVG-/ })).toBeVisible();
  await verifyIdentity(page);
  await expect(page.getByRole('heading', { level: 3, name: 'Wat bewaard moet blijven' })).toBeVisible();
  await expectNoViolations(page);

  await test.step('R-DSR-03: one extension with a reason, and the notice letter', async () => {
    await choose(page, page, 'Verlengen met', 'Twee maanden');
    await page
      .getByRole('textbox', { name: 'Reden (komt in de brief aan de cliënt)' })
      .fill('Uw gegevens staan in meerdere systemen.');
    await page.getByRole('button', { name: 'Uitstel vastleggen' }).click();
    await expect(page.getByText(/De termijn is verlengd tot \d{2}-\d{2}-\d{4}/)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Brief over uitstel downloaden' }).click();
    expect((await download).suggestedFilename()).toMatch(/^uitstel-AVG-\d{4}-\d{6}\.pdf$/);
  });

  await test.step('R-DSR-05, R-RET-06: the decision names what must be kept, and the letter', async () => {
    await page.getByRole('button', { name: 'Bewaarplicht als grond overnemen' }).click();
    await expect(page.getByRole('textbox', { name: /Grond/ })).not.toHaveValue('');
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Beslissen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deels toegewezen op' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Brief met de beslissing downloaden' }).click();
    expect((await download).suggestedFilename()).toMatch(/^beslissing-AVG-\d{4}-\d{6}\.pdf$/);
    await expectNoViolations(page);
  });
});
