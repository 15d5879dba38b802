import { login } from '../support/demo';
import { choose, expectNoViolations, snackBarAnnounced } from '../support/ui';
import { expect, test } from '../support/fixtures';

// One payroll1 login for the whole flow (the login throttle counts per account).
test('payroll records an employment and hours on the Loon tab; tab and dialogs pass axe', async ({
  page,
}) => {
  await login(page, 'payroll1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
  const first = page.getByRole('row').nth(1).getByRole('link');
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Payroll reads identity, contact and payroll: no trajectories, no dossier notes, no documents;
  // it shares payroll data for the employment trajectories on Verstrekkingen.
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveText(['Overzicht', 'Loon', 'Verstrekkingen', 'Wijzigingen']);
  await expect(page.getByRole('tab', { name: 'Dossier' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Loon' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Dienstverbanden' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expectNoViolations(page);

  // An employment, with the salary typed the Dutch way.
  const employer = `E2E Werkgever ${Date.now()}`;
  await page.getByRole('button', { name: 'Dienstverband toevoegen' }).click();
  const employmentDialog = page.getByRole('dialog', { name: 'Dienstverband toevoegen' });
  await expect(employmentDialog.getByRole('textbox', { name: 'Werkgever' })).toBeVisible();
  await expectNoViolations(page);
  await employmentDialog.getByRole('textbox', { name: 'Werkgever' }).fill(employer);
  await employmentDialog.getByRole('checkbox', { name: /inlener/ }).check();
  await employmentDialog.getByRole('textbox', { name: 'Functie' }).fill('Medewerker groenvoorziening');
  await employmentDialog.getByRole('textbox', { name: 'Startdatum' }).fill('01-01-2026');
  await employmentDialog.getByRole('textbox', { name: 'Contracturen per week' }).fill('24,5');
  await employmentDialog.getByRole('textbox', { name: 'Bruto maandloon (euro)' }).fill('2.150,00');
  await employmentDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(employmentDialog).toBeHidden();
  await snackBarAnnounced(page, 'Dienstverband opgeslagen');
  const employmentRow = page
    .getByRole('region', { name: 'Dienstverbanden' })
    .getByRole('row')
    .filter({ hasText: employer });
  await expect(employmentRow).toContainText(`${employer} (inlener)`);
  await expect(employmentRow).toContainText('01-01-2026');
  await expect(employmentRow).toContainText('24,5');
  await expect(employmentRow).toContainText(/€\s2\.150,00/);

  // Hours for March: a date in the month stands for the month.
  await page.getByRole('button', { name: 'Uren toevoegen' }).click();
  const hoursDialog = page.getByRole('dialog', { name: 'Uren toevoegen' });
  await choose(page, hoursDialog, 'Dienstverband', new RegExp(employer));
  await hoursDialog.getByRole('textbox', { name: 'Maand' }).fill('17-03-2026');
  await hoursDialog.getByRole('textbox', { name: 'Gewerkte uren' }).fill('98,5');
  await expectNoViolations(page);
  await hoursDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(hoursDialog).toBeHidden();
  await snackBarAnnounced(page, 'Uren opgeslagen');
  const hoursRow = page
    .getByRole('region', { name: 'Gewerkte uren per maand' })
    .getByRole('row')
    .filter({ hasText: employer });
  await expect(hoursRow).toContainText('maart 2026');
  await expect(hoursRow).toContainText('98,5');

  // The same month again: the API refuses it (409) and the dialog says why.
  await page.getByRole('button', { name: 'Uren toevoegen' }).click();
  await choose(page, hoursDialog, 'Dienstverband', new RegExp(employer));
  await hoursDialog.getByRole('textbox', { name: 'Maand' }).fill('01-03-2026');
  await hoursDialog.getByRole('textbox', { name: 'Gewerkte uren' }).fill('10');
  await hoursDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(hoursDialog.getByRole('alert')).toContainText('al vastgelegd');
  await expectNoViolations(page);
  await hoursDialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(hoursDialog).toBeHidden();

  // R-MED-01: absence is dates only, and the dialog says why.
  await page.getByRole('button', { name: 'Verzuim toevoegen' }).click();
  const absenceDialog = page.getByRole('dialog', { name: 'Verzuim toevoegen' });
  await expect(absenceDialog.getByRole('note')).toContainText('Geen reden vastleggen: die is medisch');
  await expect(absenceDialog.getByRole('textbox')).toHaveCount(2);
  await expectNoViolations(page);
  await absenceDialog.getByRole('button', { name: 'Annuleren' }).click();

  for (const [button, dialogName] of [
    ['Loonwaarde toevoegen', 'Loonwaarde toevoegen'],
    ['Aanvraag toevoegen', 'Aanvraag loonkostensubsidie toevoegen'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog.getByRole('button', { name: 'Opslaan' })).toBeVisible();
    await expectNoViolations(page);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(dialog).toBeHidden();
  }
});
