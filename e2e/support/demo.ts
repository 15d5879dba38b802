import { expect, type Page, test } from '@playwright/test';
import { authenticator } from 'otplib';

/** The demo password `npm start` prints (scripts/lib/dev-env.mjs). */
export const DEMO_PASSWORD = 'Werkpad-demo-2026';

/**
 * The second factor of the log readers in the demo data: dpo1's fixed, public TOTP secret
 * (DEMO_TOTP_SECRET in db/seeds/synthetic-mfa.ts; `npm run demo:totp` prints its current code).
 */
export const DEMO_TOTP_SECRETS: Readonly<Record<string, string>> = {
  dpo1: 'WERKPADDEMOFGTOTPSECRETDEMOONLY2',
};

const STEP_MS = 30_000;
/** Per secret, the last time step this test process typed a code of. */
const usedSteps = new Map<string, number>();

/** The code of one 30-second step, as an authenticator app shows it (6 digits, SHA-1). */
export function totpCode(secret: string, step: number): string {
  return authenticator.clone({ epoch: step * STEP_MS }).generate(secret);
}

/**
 * The server accepts each step's code once (replay guard) and only one step either side of now.
 * So a second login within the same 30 s types the next step's code, and a third waits for time to
 * catch up; the test's time limit is stretched by the wait.
 */
async function nextStep(secret: string): Promise<number> {
  const step = Math.max(Math.floor(Date.now() / STEP_MS), (usedSteps.get(secret) ?? -1) + 1);
  const waitMs = (step - 1) * STEP_MS - Date.now() + 500;
  if (waitMs > 0) {
    test.info().setTimeout(test.info().timeout + waitMs);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  usedSteps.set(secret, step);
  return step;
}

/** Types a fresh code in the second login step and submits it; true when the server accepted it. */
export async function enterTotp(page: Page, secret: string): Promise<boolean> {
  await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, await nextStep(secret)));
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/mfa/verify'));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  return (await answer).ok();
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const secret = DEMO_TOTP_SECRETS[username];
  if (secret) {
    await expect(page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie' })).toBeVisible();
    // A step this process cannot know was used (a restarted test worker): the next one will do.
    if (!(await enterTotp(page, secret))) await enterTotp(page, secret);
  }
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
