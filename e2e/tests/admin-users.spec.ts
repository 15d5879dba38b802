import { expect, test } from '../support/fixtures';

import { expectMenu, login } from '../support/demo';

test('admin creates a colleague, who can then log in with the chosen role', async ({ page, browser }) => {
  await login(page, 'admin1');
  await page.getByRole('link', { name: 'Gebruikersbeheer' }).click();
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Gebruikersnaam', { exact: true }).fill('nieuwecoach');
  await dialog.getByLabel('Naam', { exact: true }).fill('Nina Nieuw');
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill('een-goed-lang-wachtwoord');
  await dialog.getByRole('checkbox', { name: 'Trajectbegeleider' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Gebruiker opgeslagen')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'nieuwecoach', exact: true })).toBeVisible();

  const context = await browser.newContext();
  const colleague = await context.newPage();
  await login(colleague, 'nieuwecoach', 'een-goed-lang-wachtwoord');
  await expectMenu(colleague, ['Start', 'Mijn cliënten', 'Noodtoegang']);
  await context.close();
});

test('an existing username is refused at the field, in Dutch', async ({ page }) => {
  await login(page, 'admin1');
  await page.getByRole('link', { name: 'Gebruikersbeheer' }).click();
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Gebruikersnaam', { exact: true }).fill('coach1');
  await dialog.getByLabel('Naam', { exact: true }).fill('Dubbel');
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill('een-goed-lang-wachtwoord');
  await dialog.getByRole('checkbox', { name: 'Trajectbegeleider' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Deze gebruikersnaam bestaat al')).toBeVisible();
});

test('a coach who opens user management by address is refused', async ({ page }) => {
  await login(page, 'coach1');
  await page.goto('/beheer/gebruikers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Geen toegang/);
});
