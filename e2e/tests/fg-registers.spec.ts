import { type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { expectMenu, login } from '../support/demo';
import { choose, expectNoViolations } from '../support/ui';

/*
 * The FG's registers (R-AUD-02). Earlier specs may or may not have recorded disclosures and consents,
 * so the unfiltered list is only awaited; a period long before Werkpad existed is empty for certain.
 */

async function openFromMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveTitle(`${name} – Werkpad`);
}

/** The list has answered: the live region announces the count (it is visually hidden). */
async function listLoaded(page: Page, noun: RegExp): Promise<void> {
  await expect(page.getByText(noun)).toBeAttached();
}

async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label });
  await field.fill(value);
  await field.press('Enter');
}

test('the FG reads the disclosure register and filters it on recipient, period and unseen reports', async ({
  page,
}) => {
  await login(page, 'dpo1');
  await openFromMenu(page, 'Verstrekkingenregister');
  for (const header of ['Datum', 'Ontvanger', 'Categorieën', 'Grondslag', 'Regel', 'Verstrekt door']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  for (const header of ['Digest', 'Rapportage']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  await listLoaded(page, /\d+ verstrekking(en)? gevonden/);
  await expect(page.getByRole('button', { name: 'Kalender openen' })).toHaveCount(2);
  await expectNoViolations(page);

  await choose(page, page, 'Soort ontvanger', 'UWV');
  const filtered = page.waitForRequest(
    (request) =>
      request.url().includes('/api/disclosures?') &&
      request.url().includes('recipientType=uwv') &&
      request.url().includes('from=2000-01-01') &&
      request.url().includes('to=2000-12-31') &&
      request.url().includes('unreviewedReports=true'),
  );
  await typeDate(page, 'Verstrekt vanaf', '01-01-2000');
  await typeDate(page, 'Verstrekt tot en met', '31-12-2000');
  await page
    .getByRole('checkbox', { name: 'Alleen rapportages die de cliënt nog niet zag (R-SHARE-06)' })
    .check();
  await filtered;
  await expect(page.getByText('Er zijn geen verstrekkingen die aan deze filters voldoen.')).toBeVisible();
  await expect(page.getByText('0 van 0')).toBeVisible();
  await expectNoViolations(page);

  // A period that ends before it starts is explained, not sent.
  await typeDate(page, 'Verstrekt tot en met', '01-01-1999');
  await page.getByRole('textbox', { name: 'Verstrekt tot en met' }).blur();
  await expect(page.getByText('De einddatum ligt vóór de begindatum.')).toBeVisible();
  await expectNoViolations(page);
});

test('the FG reads the consent register and filters it on purpose and validity date', async ({ page }) => {
  await login(page, 'dpo1');
  await openFromMenu(page, 'Toestemmingenregister');
  for (const header of ['Doel', 'Vorm', 'Gegeven op', 'Geldig tot', 'Ingetrokken op', 'Vastgelegd door']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('columnheader', { name: 'Bewijs aanwezig', exact: true })).toBeVisible();
  await listLoaded(page, /\d+ toestemmingen? gevonden/);
  await expectNoViolations(page);

  const filtered = page.waitForRequest(
    (request) =>
      request.url().includes('/api/consents?') &&
      request.url().includes('purpose=whatsapp') &&
      request.url().includes('validOn=2000-01-01'),
  );
  await choose(page, page, 'Doel', 'Contact via WhatsApp (alleen afspraken)');
  await typeDate(page, 'Geldig op', '01-01-2000');
  await filtered;
  await expect(page.getByText('Er zijn geen toestemmingen die aan deze filters voldoen.')).toBeVisible();
  await expectNoViolations(page);
});

test('a coach, who reads disclosures of their own clients, gets neither register', async ({ page }) => {
  await login(page, 'coach1');
  await expectMenu(page, ['Start', 'Mijn cliënten', 'Noodtoegang']);
  await page.goto('/registers/verstrekkingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Geen toegang/);
  await page.goto('/registers/toestemmingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Geen toegang/);
});
