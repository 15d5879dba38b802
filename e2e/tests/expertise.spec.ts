import { type Locator, type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations, snackBarAnnounced } from '../support/ui';

/*
 * The Expertisecentrum (issue 5, RULES.md §3). expertise1 works in the workspace of an arbeidsdiagnose
 * of one of coach1's clients and makes its outcome final; coach1 then reads that outcome in the client
 * file, and nothing of the medical file. The tests share that client, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const MARKER = 'Deze gegevens verlaten het Expertisecentrum nooit.';
const COACH1 = 'Carla Coach';
const stamp = Date.now();
const conclusion = `Conclusie e2e ${stamp}: kan werken in een rustige omgeving, 20 uur per week.`;
const advice = `Advies e2e ${stamp}: bemiddeling naar administratief werk.`;

/** The client whose outcome expertise1 made final (read by the coach's test). */
let finalizedFor: string | null = null;

function medicalMarker(scope: Page | Locator): Locator {
  return scope.getByRole('note', { name: 'Medische gegevens' });
}

async function openMyResearch(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Expertisecentrum' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn onderzoeken' })).toBeVisible();
  await expect(page).toHaveTitle('Mijn onderzoeken – Werkpad');
  // The list has answered: its live region announces the count (visually hidden).
  await expect(page.getByText(/\d+ onderzoek(en)? gevonden/)).toBeAttached();
}

/** A medical record is added under the marker, changed, and its earlier version kept (R-MED-06). */
async function createEditAndReadHistory(page: Page): Promise<void> {
  const title = `Onderzoeksnotitie e2e ${stamp}`;
  await page.getByRole('button', { name: 'Medisch gegeven toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Medisch gegeven toevoegen' });
  await expect(medicalMarker(dialog)).toContainText(MARKER);
  await choose(page, dialog, 'Soort', 'Onderzoeksnotitie');
  await expect(dialog.getByRole('textbox', { name: 'Datum' })).toHaveValue(/^\d{2}-\d{2}-\d{4}$/);
  await dialog.getByRole('textbox', { name: 'Titel' }).fill(title);
  await dialog
    .getByRole('textbox', { name: 'Inhoud' })
    .fill('Synthetische onderzoeksnotitie, eerste versie.');
  await expectNoViolations(page);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await snackBarAnnounced(page, 'Medisch gegeven vastgelegd');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Onderzoeksnotitie');
  await expect(row).toContainText(/\d{2}-\d{2}-\d{4}/);

  await row.getByRole('button', { name: /Bekijken/ }).click();
  const view = page.getByRole('dialog');
  await expect(view.getByRole('heading', { name: title })).toBeVisible();
  await expect(view.getByText('Er zijn geen eerdere versies')).toBeVisible();
  await view.getByRole('button', { name: 'Bewerken' }).click();
  await expect(view.getByRole('heading', { level: 2, name: 'Medisch gegeven bewerken' })).toBeVisible();
  await expect(medicalMarker(view)).toBeVisible();
  await view.getByRole('textbox', { name: 'Titel' }).fill(`${title} (aangevuld)`);
  await view.getByRole('textbox', { name: 'Inhoud' }).fill('Synthetische onderzoeksnotitie, tweede versie.');
  await view.getByRole('button', { name: 'Opslaan' }).click();
  await expect(view).toBeHidden();
  await snackBarAnnounced(page, 'Medisch gegeven gewijzigd');

  const changed = page.getByRole('row').filter({ hasText: `${title} (aangevuld)` });
  await changed.getByRole('button', { name: /Bekijken/ }).click();
  const history = page.getByRole('dialog');
  await expect(history.getByRole('heading', { name: 'Eerdere versies' })).toBeVisible();
  const earlier = history
    .getByRole('list', { name: 'Eerdere versies, nieuwste eerst' })
    .getByRole('listitem');
  await expect(earlier).toHaveCount(1);
  await expect(earlier.first()).toContainText(
    /Versie 1 · geschreven door Eva Expertise op \d{2}-\d{2}-\d{4} \d{2}:\d{2}/,
  );
  await expect(earlier.first()).toContainText(title);
  await expect(earlier.first()).toContainText('eerste versie');
  await expect(medicalMarker(history)).toBeVisible();
  await expectNoViolations(page);
  await history.getByRole('button', { name: 'Sluiten' }).click();
  await expect(history).toBeHidden();
}

/**
 * R-MED-04: a data request to the GP needs the client's written consent. Without it the API refuses
 * and names what is missing; the consent is recorded from the refusal, and then the request goes in.
 */
async function registerCareProviderRequest(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Gegevensaanvragen' }).click();
  await expect(medicalMarker(page)).toContainText(MARKER);
  await expect(page.getByRole('progressbar', { name: 'Gegevensaanvragen worden geladen' })).toHaveCount(0);
  // The demo data gives the GP consent with research that has no outcome yet, not with a draft.
  await expect(page.getByText('Er is nu geen geldige schriftelijke toestemming')).toBeVisible();
  await expectNoViolations(page);

  const provider = `Huisartsenpraktijk e2e ${stamp}`;
  await page.getByRole('button', { name: 'Aanvraag registreren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aanvraag registreren' });
  await expect(medicalMarker(dialog)).toContainText(MARKER);
  await dialog.getByRole('textbox', { name: 'Zorgverlener' }).fill(provider);
  await dialog
    .getByRole('textbox', { name: 'Vraag', exact: true })
    .fill('Belastbaarheid voor licht fysiek werk');
  await expectNoViolations(page);
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  const refusal = dialog.getByTestId('missing-consent');
  await expect(refusal).toContainText(/toestemming/i);
  await expect(refusal).toContainText(/huisarts/i);
  await expectNoViolations(page);
  await refusal.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  const consent = page.getByRole('dialog', { name: 'Toestemming vastleggen' });
  await expect(consent.getByRole('combobox', { name: 'Doel' })).toContainText(
    'Gegevens opvragen bij huisarts of andere zorgverlener',
  );
  await expect(consent.getByRole('radio', { name: 'Schriftelijk' })).toBeChecked();
  await consent.getByRole('textbox', { name: 'Ontvanger' }).fill(provider);
  await consent
    .getByRole('textbox', { name: 'Verwijzing naar het bewijs' })
    .fill('Ondertekend formulier e2e, map Expertisecentrum');
  await consent.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(consent).toBeHidden();
  await expect(dialog.getByText('Toestemming vastgelegd. Registreer de aanvraag nu opnieuw.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  await expect(dialog).toBeHidden();
  await snackBarAnnounced(page, 'Aanvraag geregistreerd');
  const row = page.getByRole('row').filter({ hasText: provider });
  await expect(row).toContainText('Huisarts');
  await expect(row).toContainText(/\d{2}-\d{2}-\d{4}/);
}

/** The client file's consent dialog, preset and with a reference as evidence (no dossier access). */
async function recordConsentFromWorkspace(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Toestemmingen' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Gezondheidsgegevens naar opdrachtgever of arts' });
  await row.getByRole('button', { name: /Toestemming vastleggen/ }).click();
  const consent = page.getByRole('dialog', { name: 'Toestemming vastleggen' });
  await expect(consent.getByRole('combobox', { name: 'Doel' })).toContainText(
    'Gezondheidsgegevens naar opdrachtgever of arts',
  );
  await expect(consent.getByRole('radio', { name: 'Document uit het dossier' })).toHaveCount(0);
  await consent.getByRole('textbox', { name: 'Ontvanger' }).fill('Medisch adviseur UWV e2e');
  await consent
    .getByRole('textbox', { name: 'Verwijzing naar het bewijs' })
    .fill('Ondertekend formulier e2e, map Expertisecentrum');
  await expectNoViolations(page);
  await consent.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(consent).toBeHidden();
  await snackBarAnnounced(page, 'Toestemming vastgelegd');
  await expect(row).toContainText('Geldig');
  await expect(row).toContainText('Medisch adviseur UWV e2e');
}

/** R-MED-02, R-MED-03: the outcome is saved as a draft, made final after a confirmation, and sent. */
async function saveAndFinalizeOutcome(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Uitkomst en advies' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'geen medische gegevens' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Conclusie' }).fill(conclusion);
  await page.getByRole('textbox', { name: 'Advies' }).fill(advice);
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await snackBarAnnounced(page, 'Concept opgeslagen');
  await expect(page.getByTestId('outcome-status')).toContainText(/Concept, versie \d+/);
  await expectNoViolations(page);

  await page.getByRole('button', { name: 'Vaststellen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Uitkomst vaststellen?' });
  await expect(confirm).toContainText('trajectbegeleider en de inkomensconsulent');
  await expectNoViolations(page);
  await confirm.getByRole('button', { name: 'Vaststellen' }).click();
  await expect(confirm).toBeHidden();
  await snackBarAnnounced(page, 'Uitkomst vastgesteld');
  await expect(page.getByTestId('outcome-status')).toContainText(
    /Vastgesteld op \d{2}-\d{2}-\d{4} \d{2}:\d{2}/,
  );
  await expect(page.getByRole('textbox', { name: 'Conclusie' })).toHaveCount(0);
  await expect(page.getByText(conclusion)).toBeVisible();

  await page.getByRole('button', { name: 'Verzending aan cliënt vastleggen' }).click();
  const sent = page.getByRole('dialog', { name: 'Verzonden aan cliënt' });
  await expect(sent.getByRole('textbox', { name: 'Verzonden op' })).toHaveValue(/^\d{2}-\d{2}-\d{4}$/);
  await sent.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(sent).toBeHidden();
  await snackBarAnnounced(page, 'Verzending vastgelegd');
  await expect(page.getByTestId('sent-to-client')).toHaveText(/^\d{2}-\d{2}-\d{4}$/);
}

test('R-MED-01, R-MED-02, R-MED-04, R-MED-06: the Expertisecentrum keeps a medical record with its history under the medical marker, requests GP data with written consent, and makes the outcome final', async ({
  page,
}) => {
  await login(page, 'expertise1');
  await openMyResearch(page);
  for (const header of ['Cliënt', 'Start', 'Status', 'Uitkomst', 'Dossier vernietigen op']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('columnheader', { name: 'Medische gegevens vernietigen op' })).toBeVisible();
  await expectNoViolations(page);

  // An open arbeidsdiagnose of a coach1 client with a draft outcome and (in the demo data) no GP consent.
  const row = page.getByRole('row').filter({ hasText: COACH1 }).filter({ hasText: 'Concept' }).first();
  const link = row.getByRole('link');
  const clientName = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await expect(page).toHaveTitle('Onderzoek – Werkpad');
  await expect(page.getByText('15 jaar na afsluiting')).toBeVisible();
  await expect(page.getByTestId('medical-destruction')).toHaveText('—');

  // The medical file opens first, under the marker (R-MED-01).
  await expect(page.getByRole('tab', { name: 'Medisch dossier' })).toHaveAttribute('aria-selected', 'true');
  await expect(medicalMarker(page)).toContainText(MARKER);
  await expect(page.getByRole('progressbar', { name: 'Medische gegevens worden geladen' })).toHaveCount(0);
  await expectNoViolations(page);
  await createEditAndReadHistory(page);

  await registerCareProviderRequest(page);
  await recordConsentFromWorkspace(page);

  await saveAndFinalizeOutcome(page);
  await expectNoViolations(page);
  finalizedFor = clientName;
});

test('R-MED-01, R-MED-02: the coach reads the final outcome in the client file, and has no way into the Expertisecentrum', async ({
  page,
}) => {
  expect(finalizedFor, 'the previous test made an outcome final').not.toBeNull();
  const name = finalizedFor ?? '';
  await login(page, 'coach1');
  await expect(
    page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Expertisecentrum' }),
  ).toHaveCount(0);
  await page.goto('/expertise');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Geen toegang|Pagina niet gevonden/);

  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn cliënten' })).toBeVisible();
  await page
    .getByRole('searchbox', { name: 'Zoeken op naam of BSN' })
    .fill(name.split(' ').slice(1).join(' '));
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: 'Trajecten' }).click();
  await expect(page.getByRole('heading', { name: 'Uitkomst en advies Expertisecentrum' })).toBeVisible();
  const outcome = page.getByRole('region', { name: /^Arbeidsdiagnose van/ }).filter({ hasText: conclusion });
  await expect(outcome).toContainText(advice);
  await expect(outcome).toContainText(/Vastgesteld op \d{2}-\d{2}-\d{4} \d{2}:\d{2} door Eva Expertise/);
  await expect(outcome).toContainText(/verzonden aan cliënt: \d{2}-\d{2}-\d{4}/);
  // Nothing of the medical file comes along.
  await expect(page.getByText(`Onderzoeksnotitie e2e ${stamp}`)).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'Medische gegevens' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Functionele mogelijkheden' })).toBeVisible();
  await expectNoViolations(page);
});

test('functioneel beheer assigns an open arbeidsdiagnose to the Expertisecentrum', async ({ page }) => {
  await login(page, 'admin1');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Arbeidsdiagnoses toewijzen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidsdiagnoses toewijzen' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Arbeidsdiagnoses worden geladen' })).toHaveCount(0);
  // The demo data leaves a couple unassigned.
  const row = page.getByRole('row').filter({ hasText: 'Niet toegewezen' }).first();
  await expect(row).toBeVisible();
  await expectNoViolations(page);
  const client = (await row.getByRole('cell').first().innerText()).trim();
  await choose(page, row, `Medewerker voor ${client}`, 'Eva Expertise');
  await snackBarAnnounced(page, `${client}: toegewezen aan Eva Expertise`);
  await expectNoViolations(page);
});
