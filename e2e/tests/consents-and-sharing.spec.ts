import { type Locator, type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations, snackBarAnnounced } from '../support/ui';

const MISSING_CONSENT =
  'Er is geen geldige toestemming van de cliënt voor: gegevens delen met sociaal team of jeugdhulp.';
const SOCIAAL_TEAM = 'Sociaal team Ede-Zuid';

async function openCaseload(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
}

/** Opens the first client of the caseload with an open trajectory of this type (the caseload filters). */
async function openClientWithOpenTrajectory(page: Page, typeLabel: string): Promise<string> {
  await openCaseload(page);
  await choose(page, page, 'Soort traject', typeLabel);
  await choose(page, page, 'Trajectstatus', 'Open');
  // Wait for the filtered list: every row but the header names the trajectory (not a stale list).
  await expect(page.getByRole('row').filter({ hasNotText: typeLabel })).toHaveCount(1);
  const first = page.getByRole('row').nth(1);
  const name = (await first.getByRole('link').first().innerText()).trim();
  await first.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return name;
}

interface ShareForm {
  readonly trajectory: RegExp;
  readonly recipientType: string;
  readonly organisation: string;
  readonly categories: readonly string[];
  /** A written report to a commissioner, which the client must see (R-SHARE-06). */
  readonly isReport?: boolean;
}

async function openSharingDialog(page: Page, form: ShareForm): Promise<Locator> {
  await page.getByRole('tab', { name: 'Verstrekkingen' }).click();
  await page.getByRole('button', { name: 'Gegevens delen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gegevens delen' });
  await choose(page, dialog, 'Traject', form.trajectory);
  await choose(page, dialog, 'Soort ontvanger', form.recipientType);
  await dialog.getByRole('textbox', { name: 'Organisatie' }).fill(form.organisation);
  await dialog.getByRole('textbox', { name: 'Doel van de verstrekking' }).fill('Afstemming e2e');
  for (const category of form.categories) {
    await dialog.getByRole('checkbox', { name: category, exact: true }).check();
  }
  if (form.isReport) await dialog.getByRole('checkbox', { name: 'Rapportage aan opdrachtgever' }).check();
  return dialog;
}

function sociaalTeamShare(): ShareForm {
  return {
    trajectory: /^Intake en routebepaling/,
    recipientType: 'Sociaal team of jeugdhulp',
    organisation: SOCIAAL_TEAM,
    categories: ['Identiteit'],
  };
}

async function expectRefused(page: Page): Promise<void> {
  const dialog = await openSharingDialog(page, sociaalTeamShare());
  await expect(dialog.getByText(`Geweigerd: ${MISSING_CONSENT}`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Verstrekken' })).toBeDisabled();
  await expectNoViolations(page);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
}

/** "Waarom zie ik dit?": the coach's own-caseload rule is named for what the file shows. */
async function expectAccessGrounds(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Waarom zie ik dit?' }).click();
  await expect(page.getByText('U ziet deze gegevens van de cliënt op grond van:')).toBeVisible();
  const identity = page.getByTestId('ground-identity');
  await expect(identity.getByRole('term')).toHaveText('Identiteit');
  await expect(identity.getByRole('definition').first()).toContainText('Trajectbegeleider');
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Waarom zie ik dit?' }).click();
}

/** R-SHARE-06: the package can be looked at as sent, and the client's review is recorded once. */
async function recordReportSeen(page: Page, row: Locator): Promise<void> {
  await expect(row).toContainText('Nog niet aan de cliënt getoond');
  await row.getByRole('button', { name: /Bekijk verzonden gegevens/ }).click();
  const sent = page.getByRole('dialog', { name: 'Verzonden gegevens' });
  await expect(sent.getByTestId('package-digest')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(sent.getByTestId('package-summary')).not.toBeEmpty();
  await expectNoViolations(page);
  await sent.getByRole('button', { name: 'Sluiten' }).click();
  await expect(sent).toBeHidden();

  await row.getByRole('button', { name: /Cliënt heeft het gezien/ }).click();
  const review = page.getByRole('dialog', { name: 'Cliënt heeft het rapport gezien' });
  await review.getByRole('radio', { name: 'Na verzending' }).check();
  await expect(review.getByRole('textbox', { name: 'Gezien op' })).toHaveValue(/\d{2}-\d{2}-\d{4}/);
  await expectNoViolations(page);
  await review.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(review).toBeHidden();
  await snackBarAnnounced(page, 'Vastgelegd dat de cliënt het rapport zag');
  await expect(row).toContainText(/Na verzending aan de cliënt getoond \(\d{2}-\d{2}-\d{4}\)/);
  await expect(row.getByRole('button', { name: /Cliënt heeft het gezien/ })).toHaveCount(0);
}

async function discloseAllowed(page: Page, form: ShareForm, ground: RegExp): Promise<void> {
  const dialog = await openSharingDialog(page, form);
  for (const category of form.categories) {
    await expect(dialog.getByRole('listitem').filter({ hasText: category })).toContainText(/Toegestaan/);
  }
  await expect(dialog.getByText(ground).first()).toBeVisible();
  await expectNoViolations(page);
  await dialog.getByRole('button', { name: 'Verstrekken' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Verstrekt aan ${form.organisation}`);
  await expect(dialog.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
  await snackBarAnnounced(page, 'Verstrekking vastgelegd');
  await expect(page.getByRole('row').filter({ hasText: form.organisation }).first()).toBeVisible();
}

// One login for the whole file, as coach2: the login throttle allows 10 logins per account per
// minute, and the other spec files already log in as coach1 about ten times in the suite's first minute.
test('R-SHARE-01, R-SHARE-06, R-CONS-02, R-CONS-03: a coach sees why, shares with UWV, is refused for a sociaal team without consent, records and withdraws it', async ({
  page,
}) => {
  await login(page, 'coach2');

  // UWV on the legal basis of a bemiddeling trajectory: allowed, recorded with a digest. It is a
  // written report, so the client must see it (R-SHARE-06).
  await openClientWithOpenTrajectory(page, 'Bemiddeling naar betaald werk');
  await expectAccessGrounds(page);
  await discloseAllowed(
    page,
    {
      trajectory: /^Bemiddeling naar betaald werk/,
      recipientType: 'UWV',
      organisation: 'UWV Ede',
      categories: ['Identiteit', 'Werkervaring'],
      isReport: true,
    },
    /Wet SUWI/,
  );
  const uwvRow = page.getByRole('row').filter({ hasText: 'UWV Ede' }).first();
  await expect(uwvRow).toContainText('Identiteit, Werkervaring');
  await expect(uwvRow).toContainText(/[0-9a-f]{12}…/);
  await expectNoViolations(page);
  await recordReportSeen(page, uwvRow);

  // A sociaal team needs the client's consent (R-CONS-03): refused, with the missing consent named.
  await openClientWithOpenTrajectory(page, 'Intake en routebepaling');
  await page.getByRole('tab', { name: 'Toestemmingen' }).click();
  // The demo data may hold other consents (WhatsApp contact, say); none for a sociaal team.
  await expect(page.getByRole('progressbar', { name: 'Toestemmingen worden geladen' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Toestemmingen van de cliënt' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: SOCIAAL_TEAM })).toHaveCount(0);
  await expectNoViolations(page);
  await expectRefused(page);

  // Recording the consent (R-CONS-01), with a reference as evidence.
  await page.getByRole('tab', { name: 'Toestemmingen' }).click();
  await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  const consentDialog = page.getByRole('dialog', { name: 'Toestemming vastleggen' });
  await choose(page, consentDialog, 'Doel', 'Gegevens delen met sociaal team of jeugdhulp');
  await consentDialog.getByRole('textbox', { name: 'Ontvanger' }).fill(SOCIAAL_TEAM);
  await consentDialog.getByRole('radio', { name: 'Mondeling' }).check();
  await consentDialog
    .getByRole('textbox', { name: 'Verwijzing naar het bewijs' })
    .fill('Intakeverslag e2e, besproken bij de intake');
  await expectNoViolations(page);
  await consentDialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(consentDialog).toBeHidden();
  await snackBarAnnounced(page, 'Toestemming vastgelegd');
  const consentRow = page.getByRole('row').filter({ hasText: SOCIAAL_TEAM });
  await expect(consentRow).toContainText('Mondeling');
  await expect(consentRow).toContainText('Intakeverslag e2e');
  await expect(consentRow).toContainText('Geldig');
  await expectNoViolations(page);

  // With the consent, the same disclosure is allowed on the ground of that consent.
  await discloseAllowed(page, sociaalTeamShare(), /toestemming/i);

  // Withdrawal takes effect at once (R-CONS-02): the record stays, and sharing is refused again.
  await page.getByRole('tab', { name: 'Toestemmingen' }).click();
  await consentRow.getByRole('button', { name: /Intrekken/ }).click();
  const datePrompt = page.getByRole('dialog', { name: 'Toestemming intrekken' });
  await datePrompt.getByRole('button', { name: 'Verder' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Toestemming intrekken?' });
  await confirm.getByRole('button', { name: 'Intrekken' }).click();
  await snackBarAnnounced(page, 'Toestemming ingetrokken');
  await expect(consentRow).toContainText('Niet geldig');
  await expect(consentRow).toContainText(/\d{2}-\d{2}-\d{4}/);
  await expect(consentRow.getByRole('button', { name: /Intrekken/ })).toHaveCount(0);
  await expectRefused(page);
});
