import { type APIRequestContext, type Page } from '@playwright/test';
import { isValidBsn } from '@werkpad/shared';

import { expect, test } from '../support/fixtures';

import { DEMO_PASSWORD, login } from '../support/demo';
import { choose, expectNoViolations } from '../support/ui';

/*
 * The FG's workplace (issue 6): dashboard, access-log search, a client's access overview (NEN 7513)
 * and the review of a finding. Earlier specs leave log rows of their own, so the test first makes the
 * rows it relies on: coach1 searches the caseload by BSN (allowed, naming the client) and opens a client
 * that does not exist (denied). One dpo1 login for everything: each TOTP code can be used only once.
 */

/** The demo seed gives its clients, in order, the BSNs from 990000000 up that pass the 11-proef. */
function demoBsn(position: number): string {
  let found = -1;
  for (let candidate = 990_000_000; ; candidate++) {
    if (isValidBsn(String(candidate)) && ++found === position) return String(candidate);
  }
}

/** coach1's work, through the API: a search that finds a client, and a denied read of an unknown one. */
async function coachLeavesTraces(request: APIRequestContext): Promise<void> {
  const answer = await request.post('/api/auth/login', {
    data: { username: 'coach1', password: DEMO_PASSWORD },
  });
  expect(answer.ok()).toBe(true);
  const { accessToken } = (await answer.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  // By BSN, so the log names the demo client the overview step looks up (one of coach1's own).
  const search = await request.get(`/api/clients?q=${demoBsn(0)}`, { headers });
  expect(((await search.json()) as { total: number }).total).toBe(1);
  const unknown = await request.get('/api/clients/00000000-0000-4000-8000-000000000000', { headers });
  expect(unknown.status()).toBe(404);
}

async function openFromMenu(page: Page, name: string, heading = name): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page).toHaveTitle(`${heading} – Werkpad`);
}

test('the FG reads the dashboard, searches the access log, opens a client overview and reviews a finding', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await coachLeavesTraces(request);
  await login(page, 'dpo1');

  await test.step('dashboard: charts with a table alternative, open findings, breaches', async () => {
    await openFromMenu(page, 'FG-werkplek');
    await expect(page.getByRole('heading', { level: 2, name: 'Openstaande bevindingen' })).toBeVisible();
    await expect(page.getByRole('link', { name: /open: Geweigerde poging$/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Naar het datalekkenregister' })).toBeVisible();
    await expect(
      page.getByText('Dossiers te vernietigen (bewaartermijn verstreken, geen blokkade)'),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Naar bewaartermijnen en vernietiging' })).toBeVisible();
    const accesses = page.getByRole('img', { name: /^Staafdiagram Toegang per dag, per rol/ });
    await expect(accesses).toBeVisible();
    await page.getByText('Toon de cijfers als tabel').first().click();
    const table = page.getByRole('table', { name: 'Toegang per dag, per rol' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Trajectbegeleider' })).toBeVisible();
    await expectNoViolations(page);
  });

  await test.step('access log: filter on role and action, then open a client from a row', async () => {
    await openFromMenu(page, 'Toegangslog');
    for (const header of ['Tijdstip', 'Gebruiker', 'Rollen', 'Actie', 'Categorieën', 'Resultaat']) {
      await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    await expect(page.getByText(/[\d.]+\+? regels? gevonden/)).toBeVisible();
    await expectNoViolations(page);

    await choose(page, page, 'Rol', 'Trajectbegeleider');
    await choose(page, page, 'Actie', 'Zoeken');
    const searched = page.waitForResponse(
      (response) =>
        response.url().includes('/api/access-log?') &&
        response.url().includes('role=coach') &&
        response.url().includes('action=search'),
    );
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    expect((await searched).ok()).toBe(true);
    const rows = page.getByRole('region', { name: 'Regels uit de toegangslog' }).getByRole('row');
    await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('Zoeken');
    await expect(rows.nth(1).getByRole('cell').nth(2)).toContainText('Trajectbegeleider');
    await expectNoViolations(page);

    await page
      .getByRole('link', { name: /^Toegangsoverzicht cliënt / })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Toegangsoverzicht cliënt' })).toBeVisible();
    await expect(page).toHaveURL(/\/fg\/toegangslog\/clienten\/[0-9a-f-]{36}$/);
    for (const header of [
      'Wanneer',
      'Organisatieonderdeel',
      'Rol',
      'Gebruiker',
      'Grondslag',
      'Noodtoegang',
    ]) {
      await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('cell', { name: 'Trajectbegeleider', exact: true }).first()).toBeVisible();
    await expect(page.getByText(/regels? over deze cliënt|De eerste [\d.]+ van/)).toBeVisible();
    await expectNoViolations(page);
  });

  await test.step('client overview by BSN: an unknown BSN, then a client of coach1', async () => {
    await page.getByRole('link', { name: 'Andere cliënt opzoeken op BSN' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Toegangsoverzicht van een cliënt' }),
    ).toBeVisible();
    const bsn = page.getByRole('textbox', { name: 'BSN' });
    await bsn.fill('123456789');
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    await expect(
      page.getByText('Dit is geen geldig BSN (9 cijfers die de 11-proef doorstaan).'),
    ).toBeVisible();
    await expectNoViolations(page);

    await bsn.fill('111222333');
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    await expect(page.getByText('Geen cliënt met dit BSN.')).toBeVisible();

    await bsn.fill(demoBsn(0));
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Toegangsoverzicht cliënt' })).toBeVisible();
    // The BSN never appears in the address bar.
    expect(page.url()).not.toContain(demoBsn(0));
    await expect(page.getByRole('cell', { name: 'Werkpad – trajectbegeleiding' }).first()).toBeVisible();
  });

  await test.step('findings: review one with a required note', async () => {
    await openFromMenu(page, 'Bevindingen');
    await expect(page.getByRole('radio', { name: 'Te beoordelen' })).toBeChecked();
    await expect(page.getByText(/\d+ bevindingen? gevonden/)).toBeAttached();
    await expectNoViolations(page);

    const review = page.getByRole('button', { name: /^Beoordelen/ }).first();
    await review.click();
    const dialog = page.getByRole('dialog', { name: 'Bevinding beoordelen' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Notitie bij de beoordeling' })).toBeFocused();
    await expectNoViolations(page);

    await dialog.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect(dialog.getByText('Vul een notitie in.')).toBeVisible();
    await expectNoViolations(page);

    const note = `E2E: nagegaan met de teamleider, geen bijzonderheden (${Date.now()})`;
    await dialog.getByRole('textbox', { name: 'Notitie bij de beoordeling' }).fill(note);
    await dialog.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/De bevinding is beoordeeld: /)).toBeVisible();

    await page.getByRole('radio', { name: 'Beoordeeld' }).click();
    await expect(page.getByRole('cell', { name: new RegExp(note.replace(/[()]/g, '\\$&')) })).toBeVisible();
    await expect(page.getByText(/Beoordeeld door .+ op \d{2}-\d{2}-\d{4} \d{2}:\d{2}/).first()).toBeVisible();
    await expectNoViolations(page);
  });
});

test('a coach gets none of the FG workplace', async ({ page }) => {
  await login(page, 'coach1');
  await expect(
    page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Toegangslog' }),
  ).toHaveCount(0);
  for (const path of ['/fg', '/fg/toegangslog', '/fg/bevindingen']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Geen toegang/);
  }
});
