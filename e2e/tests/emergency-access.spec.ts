import { isValidBsn } from '@werkpad/shared';

import { expect, test } from '../support/fixtures';

import { login } from '../support/demo';
import { choose, expectNoViolations } from '../support/ui';

/**
 * The demo seed (db/seeds/synthetic-people.ts) gives its clients, in order, the BSNs from 990000000
 * upwards that pass the 11-proef; even positions belong to coach1. Position 2 is coach1's and not the
 * income consultant's, so for coach2 it is a client outside the caseload.
 */
function demoBsn(position: number): string {
  let found = -1;
  for (let candidate = 990_000_000; ; candidate++) {
    if (isValidBsn(String(candidate)) && ++found === position) return String(candidate);
  }
}

test('a coach opens emergency access to a client of another coach, sees the banner on the file, and ends it', async ({
  page,
}) => {
  // coach2 logs in once: the login throttle allows 10 logins per minute per account.
  await login(page, 'coach2');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Noodtoegang' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Noodtoegang' })).toBeVisible();
  await expect(page).toHaveTitle('Noodtoegang – Werkpad');
  await expect(page.getByText('De toegang duurt 60 minuten')).toBeVisible();
  await expect(page.getByText('Medische gegevens zijn met noodtoegang nooit zichtbaar.')).toBeVisible();
  await expectNoViolations(page);

  // A number that fails the 11-proef and a short explanation are explained, not sent.
  await page.getByRole('textbox', { name: 'BSN van de cliënt' }).fill('123456789');
  await page.getByRole('textbox', { name: 'Toelichting' }).fill('Dringend');
  await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
  await expect(
    page.getByText('Dit is geen geldig BSN (negen cijfers die voldoen aan de elfproef).'),
  ).toBeVisible();
  await expect(page.getByText('Licht de noodzaak toe in minstens 20 tekens.')).toBeVisible();
  await expectNoViolations(page);

  await page.getByRole('textbox', { name: 'BSN van de cliënt' }).fill(demoBsn(2));
  await choose(page, page, 'Reden', 'Eigen trajectbegeleider onbereikbaar bij een dringende vraag');
  await page
    .getByRole('textbox', { name: 'Toelichting' })
    .fill('Cliënt meldt zich met een dringende vraag over een afspraak bij de werkgever vandaag');
  await page.getByRole('checkbox', { name: /Ik bevestig dat dit een noodsituatie is/ }).check();
  await page.getByRole('button', { name: 'Noodtoegang openen' }).click();

  await expect(page).toHaveURL(/\/clienten\/[0-9a-f-]{36}$/);
  await expect(page).toHaveTitle('Cliëntdossier – Werkpad');
  const banner = page.getByRole('region', { name: 'Noodtoegang actief' });
  await expect(banner).toContainText(/Noodtoegang tot \d{2}:\d{2} voor 1 cliënt/);
  // The file opens: the client's name as heading, not "Cliënt niet gevonden" (no names in this test).
  await expect(page.getByRole('tab').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/niet gevonden|Cliëntdossier/);
  await expectNoViolations(page);

  await banner.getByRole('button', { name: 'Beëindigen' }).click();
  await expect(page.getByRole('region', { name: 'Noodtoegang actief' })).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
});
