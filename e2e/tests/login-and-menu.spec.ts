import { expect, test } from '../support/fixtures';

import { DEMO_PASSWORD, expectMenu, login } from '../support/demo';

/** What each demo user's navigation must offer: exactly what their role may use. */
const MENUS: Record<string, string[]> = {
  // Since issue 3 every role with a client policy reaches the caseload (admin: to assign caseloads).
  // Issue 7: functioneel beheer keeps the retention policy and the destruction list.
  // Issue 9: functioneel beheer is the privacy desk for data-subject requests.
  admin1: [
    'Start',
    'Mijn cliënten',
    'Gebruikersbeheer',
    'Arbeidsdiagnoses toewijzen',
    'Bewaartermijnen',
    'Verzoeken betrokkenen',
  ],
  // Issue 6: coaches and income consultants can open a client by emergency access (break-the-glass).
  coach1: ['Start', 'Mijn cliënten', 'Noodtoegang'],
  coach2: ['Start', 'Mijn cliënten', 'Noodtoegang'],
  income1: ['Start', 'Mijn cliënten', 'Noodtoegang'],
  // Issue 5: the Expertisecentrum reads the clients of its own arbeidsdiagnoses, and its workspace.
  expertise1: ['Start', 'Mijn cliënten', 'Expertisecentrum'],
  payroll1: ['Start', 'Mijn cliënten'],
  dpo1: [
    'Start',
    'FG-werkplek',
    'Toegangslog',
    'Bevindingen',
    'Auditlog controleren',
    'Verstrekkingenregister',
    'Toestemmingenregister',
    'Datalekken',
    'Verwerkingsregister',
    // Issue 7: the FG approves destruction lists.
    'Bewaartermijnen',
    // Issue 9: the FG follows data-subject requests on their deadline.
    'Verzoeken betrokkenen',
  ],
  // Issue 6: management reads the processing register (AVG art. 30).
  management1: ['Start', 'Mijn cliënten', 'Verwerkingsregister', 'Rapportages'],
};

for (const [username, items] of Object.entries(MENUS)) {
  test(`${username} logs in and sees only their menu`, async ({ page }) => {
    await login(page, username);
    await expectMenu(page, items);
    await expect(page).toHaveTitle('Start – Werkpad');
  });
}

test('a wrong password shows the server’s Dutch message and keeps the user on the login page', async ({
  page,
}) => {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill('coach1');
  await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Gebruikersnaam of wachtwoord is onjuist/);
  await expect(page).toHaveURL(/\/inloggen/);
});

test('logout from the user menu ends the session; the app asks to log in again', async ({ page }) => {
  await login(page, 'coach1');
  await page.getByRole('button', { name: /Gebruikersmenu/ }).click();
  await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen/);
  await page.goto('/clienten');
  await expect(page).toHaveURL(/\/inloggen/);
});

test('a session ended on the server sends the user back to login with an explanation', async ({
  page,
  request,
}) => {
  await login(page, 'coach2');
  // An admin resets coach2's password (to the same value): that ends all of coach2's sessions.
  const adminLogin = await request.post('/api/auth/login', {
    data: { username: 'admin1', password: DEMO_PASSWORD },
  });
  const { accessToken } = (await adminLogin.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const users = await request.get('/api/users?q=coach2', { headers });
  const coach2 = ((await users.json()) as { items: Array<{ id: string }> }).items[0];
  const reset = await request.patch(`/api/users/${coach2.id}`, {
    headers,
    data: { password: DEMO_PASSWORD },
  });
  expect(reset.ok()).toBe(true);

  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Mijn cliënten' })
    .click();
  await expect(page).toHaveURL(/\/inloggen\?reden=verlopen/);
  await expect(page.getByRole('alert')).toHaveText(/Uw sessie is verlopen\. Log opnieuw in\./);
});

test('a reload keeps the user signed in (refresh cookie), without storing the token in the page', async ({
  page,
}) => {
  await login(page, 'coach1');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Carla Coach');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toMatch(/eyJ/);
});
