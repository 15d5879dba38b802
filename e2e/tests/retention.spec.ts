import { type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { expectNoViolations } from '../support/ui';

/*
 * Issue 7 (R-RET-01..05): the records manager reviews the destruction list (excluding one dossier
 * with a reason), the FG approves it as the second person, the records manager executes it and
 * downloads the verklaring van vernietiging; a legal hold shows in the client file. The demo seed
 * has historic dossiers, and the server prepares a list of what is due at start-up.
 */

async function openRetention(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Bewaartermijnen' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Bewaartermijnen en vernietiging' }),
  ).toBeVisible();
  await expect(page).toHaveTitle('Bewaartermijnen – Werkpad');
}

async function confirm(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test('R-RET-04: review with an exclusion, approval by the FG, execution with progress and the certificate', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await login(page, 'admin1');
  await openRetention(page);
  const detail = page.getByRole('region', { name: /^Lijst VV-/ });

  await test.step('a prepared list (the daily job, or prepared now)', async () => {
    const prepared = page.getByRole('row').filter({ hasText: 'Klaargezet' });
    if ((await prepared.count()) === 0) {
      await page.getByRole('button', { name: 'Lijst opstellen' }).click();
      await expect(page.getByRole('status').filter({ hasText: /is opgesteld/ })).toBeVisible();
    }
    await expect(detail.getByRole('heading', { name: /Klaargezet/ })).toBeVisible();
    await expect(detail.getByRole('button', { name: /^Uitzonderen/ }).first()).toBeVisible();
    await expectNoViolations(page);
  });

  await test.step('exclude one dossier with a reason, then record the review', async () => {
    await detail
      .getByRole('button', { name: /^Uitzonderen/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Dossier uitzonderen' });
    await expect(dialog).toBeVisible();
    await expectNoViolations(page);
    await dialog.getByRole('textbox', { name: 'Reden' }).fill('Bezwaarprocedure loopt nog bij de gemeente.');
    await dialog.getByRole('button', { name: 'Uitzonderen' }).click();
    await expect(dialog).toBeHidden();
    await expect(detail.getByRole('cell', { name: /Uitgezonderd: Bezwaarprocedure/ })).toBeVisible();
    await detail.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await confirm(page, 'Lijst beoordeeld', 'Beoordeling vastleggen');
    await expect(detail.getByRole('heading', { name: /Beoordeeld/ })).toBeVisible();
  });

  await test.step('the overview and the policy history are accessible', async () => {
    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await expect(page.getByRole('table', { name: /^Te vernietigen: \d+ dossiers/ })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole('tab', { name: 'Bewaarbeleid' }).click();
    await expect(page.getByRole('table', { name: /Geldende bewaartermijnen/ })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Arbeidsdiagnose' }).first()).toBeAttached();
    await expectNoViolations(page);
  });

  await test.step('R-RET-04: the FG approves as the second person', async () => {
    const fgContext = await browser.newContext();
    const fg = await fgContext.newPage();
    await login(fg, 'dpo1');
    await openRetention(fg);
    const fgDetail = fg.getByRole('region', { name: /^Lijst VV-/ });
    await expect(fgDetail.getByRole('heading', { name: /Beoordeeld/ })).toBeVisible();
    // The FG sees pseudonymous references, no names.
    await expect(fgDetail.getByRole('button', { name: /^Uitzonderen/ })).toHaveCount(0);
    await fgDetail.getByRole('button', { name: 'Goedkeuren' }).click();
    await confirm(fg, 'Vernietiging goedkeuren', 'Goedkeuren');
    await expect(fgDetail.getByRole('heading', { name: /Goedgekeurd/ })).toBeVisible();
    await expectNoViolations(fg);
    await fgContext.close();
  });

  await test.step('execution shows its progress and ends with the certificate', async () => {
    await page.reload();
    await expect(detail.getByRole('heading', { name: /Goedgekeurd/ })).toBeVisible();
    await detail.getByRole('button', { name: 'Vernietiging uitvoeren' }).click();
    await confirm(page, 'Vernietiging uitvoeren', 'Nu vernietigen');
    await expect(detail.getByRole('heading', { name: /Uitgevoerd/ })).toBeVisible({ timeout: 60_000 });
    await expect(detail.getByRole('progressbar')).toBeVisible();
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Verklaring (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^verklaring-van-vernietiging-VV-\d{4}-\d{4}\.pdf$/);
    await expectNoViolations(page);
  });
});

test('R-RET-03: the records manager sets a legal hold in the client file', async ({ page }) => {
  await login(page, 'admin1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await page.getByRole('tab', { name: 'Bewaartermijn' }).click();
  await expect(page.getByRole('table', { name: 'Vernietigingsdatum per traject' })).toBeVisible();
  await page.getByRole('button', { name: 'Blokkade instellen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vernietiging opschorten' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reden' }).fill('Rechtszaak over de uitkering loopt nog.');
  await dialog.getByRole('button', { name: 'Blokkade instellen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Rechtszaak over de uitkering loopt nog.' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^Actief/ })).toBeVisible();
  await expectNoViolations(page);
});
