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

/** The main navigation offers exactly these links, in this order, by accessible name (icons are hidden). */
export async function expectMenu(page: Page, names: readonly string[]): Promise<void> {
  const links = page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link');
  await expect(links).toHaveCount(names.length);
  for (const [index, name] of names.entries()) {
    await expect(links.nth(index)).toHaveAccessibleName(name);
  }
}
