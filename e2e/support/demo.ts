import { expect, type Page } from '@playwright/test';

/** The demo password `npm start` prints (scripts/lib/dev-env.mjs). */
export const DEMO_PASSWORD = 'Werkpad-demo-2026';

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
}
