import { randomUUID } from 'node:crypto';

import { type FgDashboard } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { FindingsService } from '../findings/findings.service';

const HOUR = 3_600_000;

function dutchDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);
}

describe('FG dashboard', () => {
  let ctx: TestContext;

  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(() => ctx.close());

  it('counts accesses per day by role, denied attempts and breaches, for the FG only', async () => {
    const coach = await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('dpo1', ['dpo']);
    const clientId = await ctx.createClient({ lastName: 'Jansen', bsn: '999990019', coachId: coach });
    const coachToken = await ctx.login('coach1');
    for (let index = 0; index < 3; index++) {
      await ctx.http.get(`/api/clients/${clientId}`).set(bearer(coachToken)).expect(200);
    }
    await ctx.http.get('/api/users').set(bearer(coachToken)).expect(403);
    await ctx.http.get('/api/fg/dashboard').set(bearer(coachToken)).expect(403);
    // A log row from 40 days ago falls outside the window (chain fields are irrelevant here).
    await ctx.owner.query(
      `INSERT INTO audit_event (id, occurred_at, user_id, username, roles, subject_client_ids, object_type, categories,
                                action, result, hash)
       VALUES ($1, now() - interval '40 days', $2, 'coach1', '{coach}', ARRAY[$3]::uuid[], 'Client', '{}', 'read', 'allowed', '\\x00')`,
      [randomUUID(), coach, clientId],
    );

    const dpoUser = await ctx.owner.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'dpo1'");
    const breach = (discoveredHoursAgo: number, decided: boolean) =>
      ctx.owner.query(
        `INSERT INTO data_breach (discovered_at, description, categories, people_affected, measures, registered_by,
                                  not_reported_reason, subjects_not_informed_reason)
         VALUES (now() - make_interval(hours => $1), 'Testlek', '{identity}', 1, 'maatregel', $2, $3, $3)`,
        [discoveredHoursAgo, dpoUser.rows[0].id, decided ? 'geen risico voor betrokkenen' : null],
      );
    await breach(100, false); // open and overdue
    await breach(10, false); // open, within the 72 hours
    await breach(200, true); // decided on both: closed

    const response = await ctx.http.get('/api/fg/dashboard').set(bearer(await ctx.login('dpo1')));
    expect(response.status).toBe(200);
    const dashboard = response.body as FgDashboard;
    const today = dutchDay(new Date());

    // The three reads of a client are accesses; logins, the FG's own reads and the 403s are not.
    expect(dashboard.accessesPerDay).toEqual([{ day: today, role: 'coach', count: 3 }]);
    expect(dashboard.deniedPerDay).toHaveLength(30);
    expect(dashboard.deniedPerDay[29]).toEqual({ day: today, count: 2 });
    expect(dashboard.deniedPerDay[0].day).toBe(dutchDay(new Date(Date.now() - 29 * 24 * HOUR)));
    expect(dashboard.deniedPerDay.slice(0, 29).every((day) => day.count === 0)).toBe(true);
    expect(dashboard).toMatchObject({
      openBreaches: 2,
      overdueBreaches: 1,
      dataSubjectRequestsByDeadline: { open: 0, dueWithinSevenDays: 0, overdue: 0 },
      dossiersDueForDestruction: 0,
    });
    // Open findings come from the findings module: the two denied attempts are among them.
    expect(dashboard.openFindings.denied).toBe(2);
    expect(dashboard.openFindings).toEqual(await ctx.app.get(FindingsService).openCounts());
  });
});
