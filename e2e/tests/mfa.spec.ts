import { type Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';

import { DEMO_PASSWORD, DEMO_TOTP_SECRETS, enterTotp, login, totpCode } from '../support/demo';
import { expectNoViolations } from '../support/ui';

const WRONG_CODE_MESSAGE =
  'De code is onjuist of al gebruikt. Vul de code in die uw authenticator-app nu toont.';

async function passwordStep(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** As admin1: a new user with the FG role, through Gebruikersbeheer. */
async function createFg(page: Page, username: string, password: string): Promise<void> {
  await login(page, 'admin1');
  await page.getByRole('link', { name: 'Gebruikersbeheer' }).click();
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await dialog.getByLabel('Naam', { exact: true }).fill('Fleur Nieuw');
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await dialog.getByRole('checkbox', { name: 'Functionaris Gegevensbescherming' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Gebruiker opgeslagen')).toBeVisible();
}

/** The enrolment step after the password: returns the secret shown for manual entry. */
async function enrolmentSecret(fg: Page): Promise<string> {
  await expect(fg.getByRole('heading', { level: 2, name: 'Tweestapsverificatie instellen' })).toBeVisible();
  await expect(
    fg.getByRole('img', { name: 'QR-code om Werkpad toe te voegen aan uw authenticator-app' }),
  ).toBeVisible();
  const secret = ((await fg.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  return secret;
}

test('a new FG sets up the second factor with the QR code on first login; a wrong code is refused in Dutch', async ({
  page,
  browser,
}) => {
  await createFg(page, 'nieuwefg', 'een-goed-lang-wachtwoord');

  const context = await browser.newContext();
  const fg = await context.newPage();
  await passwordStep(fg, 'nieuwefg', 'een-goed-lang-wachtwoord');
  const secret = await enrolmentSecret(fg);
  await expect(fg.getByTestId('mfa-reset-notice')).toHaveCount(0);
  await expectNoViolations(fg);

  // A code that is valid in no step around now.
  const now = Math.floor(Date.now() / 30_000);
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totpCode(secret, now + offset)));
  const wrong = ['000000', '111111', '222222'].find((code) => !valid.has(code)) as string;
  await fg.getByLabel('Code van 6 cijfers').fill(wrong);
  await fg.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(fg.getByRole('alert')).toHaveText(WRONG_CODE_MESSAGE);
  await expect(fg.getByLabel('Code van 6 cijfers')).toBeFocused();
  await expectNoViolations(fg);

  expect(await enterTotp(fg, secret)).toBe(true);
  await expect(fg.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await context.close();
});

test('a lost second factor: functioneel beheer resets it with a temporary password; the FG sets up a new one and is told who reset it', async ({
  page,
  browser,
}) => {
  await createFg(page, 'fgkwijt', 'een-goed-lang-wachtwoord');
  const context = await browser.newContext();
  const fg = await context.newPage();
  await passwordStep(fg, 'fgkwijt', 'een-goed-lang-wachtwoord');
  expect(await enterTotp(fg, await enrolmentSecret(fg))).toBe(true);
  await expect(fg.getByRole('heading', { level: 1 })).toContainText('Welkom');

  await page.getByLabel('Zoeken op naam of gebruikersnaam').fill('fgkwijt');
  await page.getByLabel('Zoeken op naam of gebruikersnaam').press('Enter');
  await expect(page.getByRole('cell', { name: /Tweede stap ingesteld/ })).toBeVisible();
  await page.getByRole('button', { name: 'Tweede stap opnieuw instellen voor fgkwijt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tweede stap opnieuw instellen' });
  await dialog.getByLabel('Reden').fill('Telefoon verloren, gemeld bij de servicedesk');
  await dialog.getByLabel('Tijdelijk wachtwoord').fill('Tijdelijk-wachtwoord-2026');
  await expectNoViolations(page);
  await dialog.getByRole('button', { name: 'Opnieuw instellen' }).click();
  await expect(page.getByText('Tweede stap van fgkwijt opnieuw in te stellen')).toBeVisible();
  await expect(page.getByRole('cell', { name: /Tweede stap nog niet ingesteld/ })).toBeVisible();

  // The old session is over: the next request sends the FG back to the login page.
  await fg.reload();
  await expect(fg.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await passwordStep(fg, 'fgkwijt', 'Tijdelijk-wachtwoord-2026');
  await enrolmentSecret(fg);
  await expect(fg.getByTestId('mfa-reset-notice')).toContainText('opnieuw ingesteld door');
  await expect(fg.getByTestId('mfa-reset-notice')).toContainText(
    'Meld het dan direct als beveiligingsincident',
  );
  await expectNoViolations(fg);
  await context.close();
});

test('the demo FG is asked for the code from the authenticator app; the code step has no axe violations', async ({
  page,
}) => {
  await passwordStep(page, 'dpo1', DEMO_PASSWORD);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie', exact: true }),
  ).toBeVisible();
  await expect(page.getByLabel('Code van 6 cijfers')).toBeFocused();
  await expect(page.getByRole('img', { name: /QR-code/ })).toHaveCount(0);
  await expectNoViolations(page);

  expect(await enterTotp(page, DEMO_TOTP_SECRETS.dpo1)).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
});
