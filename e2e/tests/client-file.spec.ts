import { type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations, snackBarAnnounced } from '../support/ui';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

async function openCaseload(page: Page, username: string): Promise<void> {
  await login(page, username);
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
}

/** Notes go into an open trajectory, so the coach picks a client that has one (the status filter). */
async function findClientWithOpenTrajectory(page: Page): Promise<string> {
  await choose(page, page, 'Trajectstatus', 'Open');
  await expect(page.getByText(/1 – 20 van (?!125\b)\d+/)).toBeVisible();
  const name = (await page.getByRole('row').nth(1).getByRole('link').innerText()).trim();
  const lastName = name.split(' ').slice(1).join(' ');
  await page.getByRole('searchbox', { name: 'Zoeken op naam of BSN' }).fill(lastName);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  // Search narrows the list (debounced) to clients with this last name.
  await expect(page.getByRole('row')).not.toHaveCount(21);
  return name;
}

// One coach1 login for the whole flow: the login throttle allows 10 per account per minute, and the
// other specs log in as coach1 too. Axe checks the caseload, every tab and the dialogs on the way.
test('a coach finds a client, adds a conversation note and uploads a document; every tab passes axe', async ({
  page,
}) => {
  await openCaseload(page, 'coach1');
  await expectNoViolations(page);
  const name = await findClientWithOpenTrajectory(page);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overzicht' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('U ziet alleen')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Identiteit' })).toBeVisible();
  await expectNoViolations(page);

  // A changed phone number shows in Wijzigingen: who, when, old → new.
  const phone = `06-${String(Date.now()).slice(-8)}`;
  await page.getByRole('button', { name: 'Bewerken' }).click();
  const editDialog = page.getByRole('dialog', { name: 'Cliëntgegevens bewerken' });
  await editDialog.getByRole('textbox', { name: 'Telefoon' }).fill(phone);
  await editDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(editDialog).toBeHidden();
  await expect(page.getByText(phone)).toBeVisible();
  await page.getByRole('tab', { name: 'Wijzigingen' }).click();
  const change = page.getByRole('row').filter({ hasText: phone });
  await expect(change).toContainText('Telefoon');
  await expect(change).toContainText(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
  await expect(change).toContainText(/→\s*werd\s*06-/);
  await expectNoViolations(page);

  await page.getByRole('tab', { name: 'Trajecten' }).click();
  await expect(page.getByRole('cell', { name: 'Open', exact: true }).first()).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Nieuw traject' }).click();
  const trajectoryDialog = page.getByRole('dialog', { name: 'Nieuw traject' });
  await expect(trajectoryDialog.getByRole('combobox', { name: 'Soort traject' })).toBeVisible();
  await expectNoViolations(page);
  await trajectoryDialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(trajectoryDialog).toBeHidden();

  // Dossier: a conversation note.
  const noteTitle = `Gesprek e2e ${Date.now()}`;
  await page.getByRole('tab', { name: 'Dossier' }).click();
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  const noteDialog = page.getByRole('dialog', { name: 'Notitie toevoegen' });
  await expect(noteDialog.getByRole('combobox', { name: 'Soort' })).toContainText('Gespreksverslag');
  await expect(noteDialog.getByRole('combobox', { name: 'Categorie' })).toContainText('Gespreksverslagen');
  await noteDialog.getByRole('textbox', { name: 'Titel' }).fill(noteTitle);
  await noteDialog
    .getByRole('textbox', { name: 'Tekst' })
    .fill('Kennismaking; cliënt wil in de zorg werken.');
  await noteDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(noteDialog).toBeHidden();
  await snackBarAnnounced(page, 'Notitie opgeslagen');
  const note = page.getByRole('article', { name: noteTitle });
  await expect(note).toBeVisible();
  await expect(note).toContainText('Gespreksverslag · Gespreksverslagen');
  await expect(note).toContainText('Kennismaking; cliënt wil in de zorg werken.');
  await expectNoViolations(page);

  // Documenten: a refused upload shows the server's reason, a real PDF is stored.
  await page.getByRole('tab', { name: 'Documenten' }).click();
  await page.getByRole('button', { name: 'Document toevoegen' }).click();
  const uploadDialog = page.getByRole('dialog', { name: 'Document toevoegen' });
  await uploadDialog.getByLabel('Bestand').setInputFiles({
    name: 'geen-pdf.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('dit is geen pdf'),
  });
  await choose(page, uploadDialog, 'Categorie', 'Voortgang');
  await uploadDialog.getByRole('button', { name: 'Uploaden' }).click();
  await expect(uploadDialog.getByRole('alert')).toBeVisible();
  await expect(uploadDialog.getByRole('alert')).not.toContainText('Probeer het opnieuw');
  await expectNoViolations(page);

  const documentTitle = `Verslag e2e ${Date.now()}`;
  await uploadDialog.getByLabel('Bestand').setInputFiles({
    name: 'verslag.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await uploadDialog.getByRole('textbox', { name: 'Titel' }).fill(documentTitle);
  await uploadDialog.getByRole('checkbox', { name: 'Ontvangen via WhatsApp' }).check();
  await uploadDialog.getByRole('button', { name: 'Uploaden' }).click();
  await expect(uploadDialog).toBeHidden();
  await snackBarAnnounced(page, 'Document opgeslagen');
  const row = page.getByRole('row').filter({ hasText: documentTitle });
  await expect(row).toContainText('verslag.pdf');
  await expect(row).toContainText('PDF');
  await expect(row).toContainText('Ja, nog niet verwijderd');
  await expect(row).toContainText(/\d{2}-\d{2}-\d{4}/);
  await expectNoViolations(page);

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: new RegExp(`Downloaden ${documentTitle}`) }).click();
  expect((await download).suggestedFilename()).toBe('verslag.pdf');
});

test('R-SHARE-03: an income consultant sees no conversation notes and is told what is shown', async ({
  page,
}) => {
  await openCaseload(page, 'income1');
  await page.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('tab', { name: 'Overzicht' })).toBeVisible();
  const notice = page.getByRole('note');
  await expect(notice).toContainText(
    /U ziet alleen identiteit, contactgegevens, .*voortgang.* \(R-SHARE-03\)\.$/,
  );
  await expect(notice).not.toContainText('gespreksverslagen');
  await expect(page.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Dossier' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dossier' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText('Gespreksverslag')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Notitie toevoegen' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Soort' }).press('Enter');
  await expect(page.getByRole('option', { name: 'Gespreksverslag' })).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('axe: the client file of an income consultant has no WCAG 2.1 AA violations', async ({ page }) => {
  await openCaseload(page, 'income1');
  await expectNoViolations(page);
  await page.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('note')).toBeVisible();
  await expectNoViolations(page);
});

test('an admin links an income consultant from the caseload; page and dialog pass axe', async ({ page }) => {
  await login(page, 'admin1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cliënten' })).toBeVisible();
  // Admin reads identity only: no address or trajectory columns.
  await expect(page.getByRole('columnheader', { name: 'Trajectbegeleider' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Woonplaats' })).toHaveCount(0);
  await expectNoViolations(page);

  // The coach stays as it is, so the other tests' caseloads do not change.
  const name = (await page.getByRole('row').nth(1).getByRole('link').innerText()).trim();
  await page
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /Toewijzen/ })
    .click();
  const dialog = page.getByRole('dialog', { name: `Toewijzen: ${name}` });
  await expect(dialog).toBeVisible();
  await expectNoViolations(page);
  await choose(page, dialog, 'Inkomensconsulent', 'Ines Inkomen');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Toewijzing opgeslagen')).toBeVisible();

  await page
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /Toewijzen/ })
    .click();
  await expect(dialog.getByRole('combobox', { name: 'Inkomensconsulent' })).toContainText('Ines Inkomen');
});
