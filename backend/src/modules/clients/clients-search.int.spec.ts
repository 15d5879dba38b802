import { type ClientView, type Page } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

describe('caseload list and client search (issue 3)', () => {
  let ctx: TestContext;
  let coach1: string;
  let coach2: string;
  let coach1Token: string;
  let coach2Token: string;
  const ids: Record<string, string> = {};

  const list = async (query: string, token = coach1Token) => {
    const response = await ctx.http.get(`/api/clients${query}`).set(bearer(token));
    expect(response.status).toBe(200);
    return response.body as Page<ClientView>;
  };
  const names = (page: Page<ClientView>) => page.items.map((client) => client.lastName);

  async function lastSearchAudit(): Promise<{
    categories: string[];
    subject_client_ids: string[];
    details: Record<string, string>;
    row: string;
  }> {
    const { rows } = await ctx.owner.query(
      `SELECT categories, subject_client_ids, details, to_jsonb(audit_event)::text AS row
         FROM audit_event WHERE action = 'search' ORDER BY seq DESC LIMIT 1`,
    );
    return rows[0];
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    coach1 = await ctx.createUser('coach1', ['coach']);
    coach2 = await ctx.createUser('coach2', ['coach']);
    await ctx.createUser('payroll1', ['payroll']);
    coach1Token = await ctx.login('coach1');
    coach2Token = await ctx.login('coach2');
    const fixtures: Array<[string, string, string, string, string, string]> = [
      // lastName, firstName, bsn, date of birth, city, coach
      ['Çelik', 'Ayşe', '999990019', '1990-01-01', 'Ede', 'coach1'],
      ['García', 'José', '999990020', '1975-06-30', 'Arnhem', 'coach1'],
      ['Jansen', 'Piet', '999990032', '1982-11-11', 'Wageningen', 'coach1'],
      ['de Vries', 'Mila', '999990044', '2001-03-03', 'Barneveld', 'coach1'],
      ['Zwart', 'Noor', '999990056', '1968-09-09', 'Ede', 'coach1'],
      ['Celik', 'Murat', '999990068', '1979-04-04', 'Ede', 'coach2'],
      ['Tan_ja', 'Li', '999990081', '1995-05-05', 'Ede', 'coach2'],
    ];
    for (const [lastName, firstName, bsn, dateOfBirth, city, coach] of fixtures) {
      ids[lastName] = await ctx.createClient({
        lastName,
        firstName,
        bsn,
        coachId: coach === 'coach1' ? coach1 : coach2,
      });
      await ctx.owner.query('UPDATE client SET date_of_birth = $2, city = $3 WHERE id = $1', [
        ids[lastName],
        dateOfBirth,
        city,
      ]);
    }
    await ctx.createTrajectory(ids['Jansen'], 'bemiddeling', { createdBy: coach1 });
    await ctx.createTrajectory(ids['García'], 'bemiddeling', { createdBy: coach1, closedOn: '2026-02-01' });
    await ctx.createTrajectory(ids['Zwart'], 'intake', { createdBy: coach1 });
  });
  afterAll(() => ctx.close());

  it("lists the coach's own caseload sorted by name, with zero rows of another coach's clients", async () => {
    const page = await list('');
    // The order is the database collation's (no re-sorting in memory), as its indexes serve it.
    // Dutch order: an accent or a lower-case tussenvoegsel does not push a name to the end.
    expect(names(page)).toEqual(['Çelik', 'de Vries', 'García', 'Jansen', 'Zwart']);
    expect(page.total).toBe(5);
    expect(page.items.every((client) => client.coachId === coach1)).toBe(true);
    expect(page.items[0]).toMatchObject({
      coachName: 'Test coach1',
      categories: ['identity', 'contact', 'progress'],
    });
    expect(Object.keys(page.items[0]).sort()).toEqual(
      [
        'bsnMasked',
        'categories',
        'city',
        'coachId',
        'coachName',
        'dateOfBirth',
        'firstName',
        'id',
        'incomeConsultantId',
        'lastName',
        'openTrajectoryTypes',
      ].sort(),
    );
    const other = await list('', coach2Token);
    expect(names(other).sort()).toEqual(['Celik', 'Tan_ja']);
  });

  it('searches names partially and accent-insensitively, across first and last name', async () => {
    expect(names(await list('?q=Celik'))).toEqual(['Çelik']);
    expect(names(await list('?q=jose'))).toEqual(['García']);
    expect(names(await list('?q=JOSÉ garc'))).toEqual(['García']);
    expect(names(await list('?q=ayse'))).toEqual(['Çelik']);
    expect(names(await list('?q=ansen'))).toEqual(['Jansen']);
    expect(names(await list('?q=celik', coach2Token))).toEqual(['Celik']);
  });

  it('takes LIKE wildcards in the search text literally', async () => {
    expect((await list('?q=%25')).total).toBe(0);
    expect((await list('?q=_', coach2Token)).items.map((client) => client.lastName)).toEqual(['Tan_ja']);
    expect((await list('?q=Tan_j', coach2Token)).total).toBe(1);
    expect((await list('?q=Ta_', coach2Token)).total).toBe(0);
  });

  it('finds a client by exact BSN through the blind index, and logs the search without the BSN', async () => {
    const page = await list('?q=999990032');
    expect(names(page)).toEqual(['Jansen']);
    expect(page.items[0].bsnMasked).toBe('******032');
    const audit = await lastSearchAudit();
    expect(audit.details).toMatchObject({ zoekterm: '[BSN]', sort: 'name', direction: 'asc', page: '1' });
    expect(audit.subject_client_ids).toEqual([ids['Jansen']]);
    expect(audit.row).not.toContain('999990032');
    const { rows } = await ctx.owner.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE to_jsonb(audit_event)::text LIKE '%999990032%'",
    );
    expect(rows[0].n).toBe(0);
    // Not in the caseload: not found, not even by BSN.
    expect((await list('?q=999990032', coach2Token)).total).toBe(0);
  });

  it('logs a name search with its criteria and the categories shown', async () => {
    await list('?q=Celik&sort=city&direction=desc&pageSize=5&status=open');
    const audit = await lastSearchAudit();
    expect(audit.details).toEqual({
      zoekterm: '[naam]',
      sort: 'city',
      direction: 'desc',
      page: '1',
      pageSize: '5',
      status: 'open',
    });
    expect(audit.subject_client_ids).toEqual([]);
    await list('?q=Celik');
    expect((await lastSearchAudit()).categories).toEqual(['identity', 'contact', 'progress']);
    // A number that is not a valid BSN is not written down either.
    await list('?q=999990033');
    expect((await lastSearchAudit()).details.zoekterm).toBe('[cijfers]');
  });

  it('filters on trajectory type and status with EXISTS, and on coach', async () => {
    expect(names(await list('?trajectoryType=bemiddeling'))).toEqual(['García', 'Jansen']);
    expect(names(await list('?trajectoryType=bemiddeling&status=open'))).toEqual(['Jansen']);
    expect(names(await list('?trajectoryType=bemiddeling&status=closed'))).toEqual(['García']);
    expect(names(await list('?status=open'))).toEqual(['Jansen', 'Zwart']);
    expect(names(await list('?trajectoryType=intake&status=closed'))).toEqual([]);
    expect(names(await list(`?coachId=${coach1}&q=jan`))).toEqual(['Jansen']);
    expect((await list(`?coachId=${coach2}`)).total).toBe(0);
    const jansen = (await list('?q=jansen')).items[0];
    expect(jansen.openTrajectoryTypes).toEqual(['bemiddeling']);
  });

  it('sorts by date of birth or city in either direction, ties broken by name', async () => {
    expect(names(await list('?sort=dateOfBirth'))).toEqual([
      'Zwart',
      'García',
      'Jansen',
      'Çelik',
      'de Vries',
    ]);
    expect(names(await list('?sort=dateOfBirth&direction=desc'))).toEqual([
      'de Vries',
      'Çelik',
      'Jansen',
      'García',
      'Zwart',
    ]);
    const byCity = await list('?sort=city');
    expect(byCity.items.map((client) => client.city)).toEqual([
      'Arnhem',
      'Barneveld',
      'Ede',
      'Ede',
      'Wageningen',
    ]);
    expect(names(byCity)).toEqual(['García', 'de Vries', 'Çelik', 'Zwart', 'Jansen']);
    const byName = names(await list('?sort=name&direction=desc'));
    expect(byName).toEqual([...names(await list('?sort=name'))].reverse());
  });

  it('paginates with a stable order and the total of the whole result', async () => {
    const all = names(await list('?pageSize=100'));
    const first = await list('?pageSize=2&page=1');
    const second = await list('?pageSize=2&page=2');
    const third = await list('?pageSize=2&page=3');
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect([...names(first), ...names(second), ...names(third)]).toEqual(all);
    expect((await list('?pageSize=2&page=9')).items).toEqual([]);
    expect((await list('?pageSize=2&page=9')).total).toBe(5);
  });

  it.each([
    ['?sort=bsn', 'sort'],
    ['?direction=up', 'direction'],
    ['?trajectoryType=medisch', 'trajectoryType'],
    ['?status=lopend', 'status'],
    ['?coachId=iemand', 'coachId'],
    ['?pageSize=1000', 'pageSize'],
    ['?onbekend=1', 'onbekend'],
  ])('refuses the bad query %s with a 400 naming the field', async (query, field) => {
    const response = await ctx.http.get(`/api/clients${query}`).set(bearer(coach1Token));
    expect(response.status).toBe(400);
    expect((response.body.errors as Array<{ field: string }>).map((error) => error.field)).toContain(field);
  });

  it('refuses filtering on trajectories to a role that may not read progress (payroll)', async () => {
    const token = await ctx.login('payroll1');
    expect((await ctx.http.get('/api/clients').set(bearer(token))).status).toBe(200);
    const response = await ctx.http.get('/api/clients?trajectoryType=intake').set(bearer(token));
    expect(response.status).toBe(403);
  });
});
