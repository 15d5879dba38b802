import { type Locator, type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations } from '../support/ui';

/*
 * The FG's breach register (R-AUD-05), the processing register (AVG art. 30) and the audit chain's
 * signed checkpoints (R-AUD-02). One login for all three: the FG signs in with a second factor, and a
 * TOTP code can be used only once.
 */

async function openFromMenu(page: Page, name: string, heading = name): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page).toHaveTitle(`${heading} – Werkpad`);
}

/** The dialog has finished opening (focus moved in) before axe looks at it. */
async function openDialog(page: Page, button: Locator, title: string): Promise<Locator> {
  await button.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the FG registers a breach, sees the 72-hour countdown, records the AP report, reads the processing register and signs a checkpoint', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'dpo1');
  const description = `E2E: lijst met namen bij de printer laten liggen (${Date.now()})`;

  await test.step('R-AUD-05: register a breach and see the countdown', async () => {
    await openFromMenu(page, 'Datalekken');
    for (const header of ['Ontdekt op', 'Omschrijving', 'Categorieën', 'Aantal betrokkenen', 'Melding AP']) {
      await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('columnheader', { name: 'Betrokkenen geïnformeerd' })).toBeVisible();
    await expectNoViolations(page);

    const dialog = await openDialog(
      page,
      page.getByRole('button', { name: 'Datalek registreren' }),
      'Datalek registreren',
    );
    await expectNoViolations(page);
    // "Ontdekt op" and the time are prefilled with now.
    await dialog.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await choose(page, dialog, 'Categorieën van gegevens', 'Identiteit');
    await page.getByRole('option', { name: 'Contactgegevens', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('spinbutton', { name: 'Aantal betrokkenen' }).fill('4');
    await dialog
      .getByRole('textbox', { name: 'Genomen maatregelen' })
      .fill('Lijst vernietigd, printer afgeschermd');
    await dialog.getByRole('button', { name: 'Registreren' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Het datalek is geregistreerd.')).toBeVisible();

    const row = page.getByRole('row').filter({ hasText: description });
    await expect(row).toContainText('Identiteit, Contactgegevens');
    await expect(row).toContainText(
      /Nog 7[12] uur( en \d+ minuten?)? om te melden bij de Autoriteit Persoonsgegevens/,
    );
    await expect(row).toContainText('Nog niet besloten');
    await expectNoViolations(page);
  });

  await test.step('R-AUD-05: record the report to the AP', async () => {
    const row = page.getByRole('row').filter({ hasText: description });
    const dialog = await openDialog(page, row.getByRole('button', { name: /^Opvolgen/ }), 'Datalek opvolgen');
    await expect(dialog).toContainText(description);
    await dialog.getByRole('radio', { name: 'Gemeld bij de AP' }).check();
    await dialog.getByRole('textbox', { name: 'Kenmerk van de AP' }).fill('AP-E2E-0001');
    await dialog.getByRole('radio', { name: 'Betrokkenen niet informeren' }).check();
    await dialog
      .getByRole('textbox', { name: 'Reden om niet te informeren' })
      .fill('Geen hoog risico: de lijst is binnen het uur vernietigd');
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(/Gemeld op \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(kenmerk AP-E2E-0001\)/);
    await expect(row).toContainText('Niet geïnformeerd: Geen hoog risico');
    await expect(row).not.toContainText('om te melden');
    await expectNoViolations(page);
  });

  await test.step('AVG art. 30: read the processing register and download it as PDF', async () => {
    await openFromMenu(page, 'Verwerkingsregister');
    await expect(page.getByRole('heading', { level: 2, name: 'Beveiligingsmaatregelen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Grondslagen' }).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Bewaartermijn' }).first()).toBeVisible();
    await expectNoViolations(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download als PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  });

  await test.step('R-AUD-02: verify the chain and sign a checkpoint', async () => {
    await openFromMenu(page, 'Auditlog controleren');
    await expect(page.getByText(/De auditlog is in orde/)).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'Controlepunt vastleggen' }).click();
    await expect(page.getByText(/Controlepunt vastgelegd bij gebeurtenis \d+/)).toBeVisible();
    // The page checks the chain again, now against the new checkpoint.
    await expect(page.getByText('De handtekening van het controlepunt is geldig.')).toBeVisible();
    await expect(page.getByText('De keten komt overeen met het controlepunt.')).toBeVisible();
    const checkpoints = page.getByRole('region', { name: 'Controlepunten' });
    for (const header of ['Tijd', 'Volgnummer', 'Aantal rijen', 'Kop-hash', 'Sleutel-id', 'Bestandsnaam']) {
      await expect(checkpoints.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    await expect(checkpoints.getByRole('row')).not.toHaveCount(1);
    await expectNoViolations(page);
  });
});
