import { type Page, type Role } from '@werkpad/shared';

import { ACCESS_ROLES, ACCESS_TABLE, type AccessRole, type Target } from './access-table';
import { bearer, createTestContext, type TestContext } from './test-context';

/**
 * Generated from ACCESS_TABLE: every endpoint × role × relation answers exactly the expected status.
 * A 404 for a hidden client must look exactly like a 404 for one that does not exist.
 */
describe('access table: role × endpoint × relation (deny by default, 404 outside the scope)', () => {
  let ctx: TestContext;
  const tokens = new Map<AccessRole, string>();
  let own: Target;
  let other: Target;

  beforeAll(async () => {
    ctx = await createTestContext();
    const coach1 = await ctx.createUser('coach1', ['coach']);
    const coach2 = await ctx.createUser('coach2', ['coach']);
    const income1 = await ctx.createUser('income1', ['income_consultant']);
    const income2 = await ctx.createUser('income2', ['income_consultant']);
    const users: Record<AccessRole, string> = {
      coach: 'coach1',
      income_consultant: 'income1',
      payroll: 'payroll1',
      management: 'management1',
      admin: 'admin1',
      dpo: 'dpo1',
      expertise: 'expertise1',
    };
    for (const role of ACCESS_ROLES) {
      if (role !== 'coach' && role !== 'income_consultant') await ctx.createUser(users[role], [role as Role]);
    }
    const ownClient = await ctx.createClient({
      lastName: 'Eigen',
      bsn: '999990019',
      coachId: coach1,
      incomeConsultantId: income1,
    });
    const otherClient = await ctx.createClient({
      lastName: 'Ander',
      bsn: '999990020',
      coachId: coach2,
      incomeConsultantId: income2,
    });
    const ownTrajectory = await ctx.createTrajectory(ownClient, 'beschut_werk', { createdBy: coach1 });
    const otherTrajectory = await ctx.createTrajectory(otherClient, 'bemiddeling', { createdBy: coach2 });
    const employment = async (clientId: string) =>
      (
        await ctx.owner.query<{ id: string }>(
          `INSERT INTO employment (client_id, employer_name, job_title, start_date, contract_hours_per_week,
                                   gross_monthly_salary_cents, created_by)
           VALUES ($1, 'Werkbedrijf', 'Inpakker', '2026-01-05', 24, 180000, $2) RETURNING id`,
          [clientId, coach1],
        )
      ).rows[0].id;
    own = {
      clientId: ownClient,
      trajectoryId: ownTrajectory,
      employmentId: await employment(ownClient),
      coachId: coach1,
    };
    other = {
      clientId: otherClient,
      trajectoryId: otherTrajectory,
      employmentId: await employment(otherClient),
      coachId: coach2,
    };
    for (const role of ACCESS_ROLES) tokens.set(role, await ctx.login(users[role]));
  });
  afterAll(() => ctx.close());

  const cases = ACCESS_TABLE.flatMap((endpoint) =>
    ACCESS_ROLES.flatMap((role) =>
      (['own', 'other'] as const).map((relation, index) => ({
        endpoint,
        role,
        relation,
        status: endpoint.expect[role][index],
      })),
    ),
  );

  it.each(cases)('$endpoint.name as $role on the $relation client → $status', async (row) => {
    const target = row.relation === 'own' ? own : other;
    const request = ctx.http[row.endpoint.method](row.endpoint.path(target)).set(
      bearer(tokens.get(row.role) ?? ''),
    );
    const response = await (row.endpoint.body ? request.send(row.endpoint.body(target)) : request);
    expect({ status: response.status, body: response.status >= 400 ? response.body : undefined }).toEqual({
      status: row.status,
      body: response.status >= 400 ? expect.objectContaining({ message: expect.any(String) }) : undefined,
    });
  });

  it('answers a hidden client exactly like a client that does not exist', async () => {
    const token = tokens.get('coach') ?? '';
    for (const endpoint of ACCESS_TABLE.filter((e) => e.expect.coach[1] === 404)) {
      const missing = { ...other, clientId: '00000000-0000-4000-8000-000000000000' };
      const hidden = await ctx.http[endpoint.method](endpoint.path(other))
        .set(bearer(token))
        .send(endpoint.body?.(other) ?? {});
      const absent = await ctx.http[endpoint.method](endpoint.path(missing))
        .set(bearer(token))
        .send(endpoint.body?.(missing) ?? {});
      expect({ endpoint: endpoint.name, status: hidden.status, message: hidden.body.message }).toEqual({
        endpoint: endpoint.name,
        status: absent.status,
        message: absent.body.message,
      });
    }
  });

  it.each([
    ['coach', ['Eigen']],
    ['income_consultant', ['Eigen']],
    ['payroll', ['Eigen']],
    ['management', ['Ander', 'Eigen']],
    ['admin', ['Ander', 'Eigen']],
  ] as const)('lists for %s return no row outside the scope', async (role, expected) => {
    const response = await ctx.http.get('/api/clients?pageSize=100').set(bearer(tokens.get(role) ?? ''));
    expect(response.status).toBe(200);
    const body = response.body as Page<{ lastName?: string; id: string }>;
    expect(body.items.map((client) => client.lastName).sort()).toEqual([...expected]);
    expect(body.total).toBe(expected.length);
  });

  it.each(['dpo', 'expertise'] as const)(
    'refuses the client list to %s (no client rule at all)',
    async (role) => {
      const response = await ctx.http.get('/api/clients').set(bearer(tokens.get(role) ?? ''));
      expect(response.status).toBe(403);
    },
  );
});
