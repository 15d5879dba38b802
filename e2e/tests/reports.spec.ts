import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations, snackBarAnnounced } from '../support/ui';

/*
 * Issue 8 (R-REP-01, R-SHARE-06): a coach drafts a progress report for the municipality, previews
 * the PDF, records that the client saw it and sends it; management exports reports as a zip.
 */

/** Opens the first client of coach1's caseload with an open bemiddeling; returns the name. */
async function openClient(page: Page): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
  await choose(page, page, 'Soort traject', 'Bemiddeling naar betaald werk');
  await choose(page, page, 'Trajectstatus', 'Open');
  await expect(page.getByRole('row').filter({ hasNotText: 'Bemiddeling' })).toHaveCount(1);
  const first = page.getByRole('row').nth(1);
  const name = (await first.getByRole('link').first().innerText()).trim();
  await first.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return name;
}

/** Axe on the page; the browser's own PDF viewer inside the preview frame is not ours to check. */
async function expectNoViolationsOutsidePdf(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe.preview')
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('R-REP-01, R-SHARE-06: a coach drafts, previews, reviews with the client and sends a progress report', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'coach1');
  await openClient(page);
  await page.getByRole('tab', { name: 'Rapportage' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rapportage' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Rapportages' });
  await expectNoViolations(page);

  await test.step('a draft for the income consultant, its content shown per trajectory', async () => {
    await page.getByRole('button', { name: 'Nieuwe rapportage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe voortgangsrapportage' });
    await expect(
      dialog.getByText(/Wordt gerapporteerd: Voortgang, Gevolgen voor uitkering/).first(),
    ).toBeVisible();
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Concept maken' }).click();
    await expect(dialog).toBeHidden();
    await snackBarAnnounced(page, 'gemaakt');
  });
  const row = table.getByRole('row').filter({ hasText: 'Concept' }).first();
  await expect(row).toContainText('Inkomensconsulent (gemeente)');

  await test.step('the preview is the PDF itself', async () => {
    const pdf = page.waitForResponse((response) => /\/reports\/[^/]+\/pdf$/.test(response.url()));
    await row.getByRole('button', { name: /^Bekijken/ }).click();
    expect((await pdf).headers()['content-type']).toBe('application/pdf');
    const dialog = page.getByRole('dialog', { name: /^Voorbeeld RAP-/ });
    await expect(dialog.locator('iframe[title$="als PDF"]')).toBeVisible();
    await expectNoViolationsOutsidePdf(page);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('R-SHARE-06: the client saw it before sending', async () => {
    await row.getByRole('button', { name: /^Besproken met cliënt/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Cliënt heeft het rapport gezien' });
    await expect(dialog.getByText(/nog niet verzonden/)).toBeVisible();
    await dialog.getByRole('radio', { name: 'Vóór verzending' }).check();
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Vóór verzending aan de cliënt getoond');
  });

  await test.step('sent: recorded and archived', async () => {
    await row.getByRole('button', { name: /^Verzenden/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Rapportage verzenden' });
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Verzenden' }).click();
    await expect(dialog).toBeHidden();
    await snackBarAnnounced(page, 'verzonden en in het dossier gearchiveerd');
    await expect(
      table.getByRole('row').filter({ hasText: 'Verzonden en gearchiveerd' }).first(),
    ).toBeVisible();
  });
});

test('R-REP-01: management exports progress reports for chosen clients as one zip, with progress', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'management1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Rapportages' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Voortgangsrapportages exporteren' }),
  ).toBeVisible();
  await expect(page).toHaveTitle('Rapportages exporteren – Werkpad');
  await choose(page, page, 'Met een open traject', 'Bemiddeling naar betaald werk');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const clients = page.getByRole('list', { name: 'Gevonden cliënten' }).getByRole('checkbox');
  await expect(clients.first()).toBeVisible();
  await clients.nth(0).check();
  await clients.nth(1).check();
  await expect(page.getByText(/2 gekozen/)).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: '2 rapportages maken' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 van 2 cliënten verwerkt' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ZIP downloaden' }).click();
  expect((await download).suggestedFilename()).toMatch(/^voortgangsrapportages-.+\.zip$/);
  await expectNoViolations(page);
});
