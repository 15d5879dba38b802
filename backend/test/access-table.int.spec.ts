import { type Page, type Role } from '@werkpad/shared';

import { routeInventory } from '../src/authz/route-inventory';
import {
  ACCESS_ROLES,
  ACCESS_TABLE,
  type AccessRole,
  COVERED_BY_LIST_TESTS,
  type Target,
} from './access-table';
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
    const fixture = async (sql: string, params: unknown[]) =>
      (await ctx.owner.query<{ id: string }>(sql, params)).rows[0].id;
    const target = async (
      relation: 'own' | 'other',
      clientId: string,
      trajectoryId: string,
      coachId: string,
    ) => {
      const documentId = await fixture(
        `INSERT INTO document (client_id, file_name, media_type, size_bytes, sha256, received_via_whatsapp, uploaded_by)
         VALUES ($1, 'verslag.pdf', 'application/pdf', 4, sha256('%PDF'::bytea), true, $2) RETURNING id`,
        [clientId, coachId],
      );
      await ctx.owner.query(
        `INSERT INTO document_content (document_id, content) VALUES ($1, '%PDF'::bytea)`,
        [documentId],
      );
      await ctx.owner.query(
        `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, occurred_on, author_id, document_id)
         VALUES ($1, $2, 'document', 'progress', 'Verslag', '2026-02-01', $3, $4)`,
        [clientId, trajectoryId, coachId, documentId],
      );
      const consent = async (purpose: string) =>
        fixture(
          `INSERT INTO consent (client_id, purpose, given_on, form, recorded_by, evidence_reference)
           VALUES ($1, $2, '2026-01-10', 'written', $3, 'Formulier in het dossier') RETURNING id`,
          [clientId, purpose, coachId],
        );
      await consent('whatsapp');
      return {
        relation,
        clientId,
        trajectoryId,
        coachId,
        documentId,
        consentId: await consent('sociaal_team'),
        disclosureId: await fixture(
          `INSERT INTO disclosure (client_id, trajectory_id, recipient_type, recipient_organisation, recipient_country,
                                   categories, fields, channel, purpose, rule_id, rule_version, legal_basis,
                                   disclosed_by, disclosed_at, digest, package, is_report, review_status)
           VALUES ($1, $2, 'uwv', 'UWV Ede', 'NL', '{identity}', '{firstName,lastName}', 'secure_portal',
                   'Rapportage', 'uwv', 'test', 'Participatiewet', $3, '2026-03-01T10:00:00Z',
                   sha256('{}'::bytea), '{}'::jsonb, true, 'not_shown') RETURNING id`,
          [clientId, trajectoryId, coachId],
        ),
        reportId: await fixture(
          `INSERT INTO progress_report (id, reference, client_id, trajectory_ids, period_start, period_end,
                                        recipient_type, recipient_organisation, categories, content, content_sha256,
                                        origin, created_by, created_at)
           VALUES (gen_random_uuid(), 'RAP-TEST-' || $1::text, $1::uuid, ARRAY[$2::uuid], '2026-01-01', '2026-06-30',
                   'client', 'De cliënt', '{identity,progress}', $4::jsonb, sha256('{}'::bytea), 'file', $3,
                   '2026-03-01T10:00:00Z') RETURNING id`,
          [
            clientId,
            trajectoryId,
            coachId,
            JSON.stringify({
              reference: 'RAP-TEST',
              organisation: 'Werkpad',
              createdAt: '2026-03-01T10:00:00.000Z',
              authorName: 'Coach',
              client: { name: 'Cliënt', dateOfBirth: null, bsn: null },
              recipient: { type: 'client', label: 'De cliënt zelf', organisation: 'De cliënt', person: null },
              period: { start: '2026-01-01', end: '2026-06-30' },
              sections: [],
            }),
          ],
        ),
        employmentId: await fixture(
          `INSERT INTO employment (client_id, employer_name, job_title, start_date, contract_hours_per_week,
                                   gross_monthly_salary_cents, created_by)
           VALUES ($1, 'Werkbedrijf', 'Inpakker', '2026-01-05', 24, 180000, $2) RETURNING id`,
          [clientId, coachId],
        ),
        lksApplicationId: await fixture(
          `INSERT INTO lks_application (client_id, applied_on, period_start, status, created_by)
           VALUES ($1, '2026-01-10', '2026-01-05', 'aangevraagd', $2) RETURNING id`,
          [clientId, coachId],
        ),
      } satisfies Target;
    };
    own = await target('own', ownClient, ownTrajectory, coach1);
    other = await target('other', otherClient, otherTrajectory, coach2);
    for (const role of ACCESS_ROLES) tokens.set(role, await ctx.login(users[role]));
  });
  afterAll(() => ctx.close());

  // Lists first: the table below registers new clients into coach1's caseload.
  it.each([
    ['coach', ['Eigen']],
    ['income_consultant', ['Eigen']],
    ['payroll', ['Eigen']],
    ['management', ['Ander', 'Eigen']],
    ['admin', ['Ander', 'Eigen']],
    // Only clients of its assigned arbeidsdiagnoses, and neither has one.
    ['expertise', []],
  ] as const)('lists for %s return no row outside the scope', async (role, expected) => {
    const response = await ctx.http.get('/api/clients?pageSize=100').set(bearer(tokens.get(role) ?? ''));
    expect(response.status).toBe(200);
    const body = response.body as Page<{ lastName?: string; id: string }>;
    expect(body.items.map((client) => client.lastName).sort()).toEqual([...expected]);
    expect(body.total).toBe(expected.length);
  });

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
    const [method] = row.endpoint.route.split(' ');
    let request = ctx.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](
      row.endpoint.path(target),
    ).set(bearer(tokens.get(row.role) ?? ''));
    const upload = row.endpoint.upload?.(target);
    if (upload) {
      for (const [name, value] of Object.entries(upload.fields)) request = request.field(name, value);
      request = request.attach('file', upload.file, {
        filename: upload.fileName,
        contentType: 'application/pdf',
      });
    }
    const response = await (row.endpoint.body ? request.send(row.endpoint.body(target)) : request);
    expect({ status: response.status, body: response.status >= 400 ? response.body : undefined }).toEqual({
      status: row.status,
      body: response.status >= 400 ? expect.objectContaining({ message: expect.any(String) }) : undefined,
    });
  });

  it('has a row for every route of a client file (a new route must say who may use it)', () => {
    const clientRoutes = routeInventory(ctx.app)
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => route.includes('/api/clients'));
    const declared = [...ACCESS_TABLE.map((endpoint) => endpoint.route), ...COVERED_BY_LIST_TESTS];
    expect(clientRoutes.filter((route) => !declared.includes(route))).toEqual([]);
    expect(declared.filter((route) => !clientRoutes.includes(route))).toEqual([]);
  });

  it('answers a hidden client exactly like a client that does not exist', async () => {
    const token = tokens.get('coach') ?? '';
    for (const endpoint of ACCESS_TABLE.filter((e) => e.expect.coach[1] === 404 && !e.upload)) {
      const missing = { ...other, clientId: '00000000-0000-4000-8000-000000000000' };
      const method = endpoint.route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'put';
      const hidden = await ctx.http[method](endpoint.path(other))
        .set(bearer(token))
        .send(endpoint.body?.(other) ?? {});
      const absent = await ctx.http[method](endpoint.path(missing))
        .set(bearer(token))
        .send(endpoint.body?.(missing) ?? {});
      expect({ endpoint: endpoint.name, status: hidden.status, message: hidden.body.message }).toEqual({
        endpoint: endpoint.name,
        status: absent.status,
        message: absent.body.message,
      });
    }
  });

  it.each(['dpo'] as const)('refuses the client list to %s (no client rule at all)', async (role) => {
    const response = await ctx.http.get('/api/clients').set(bearer(tokens.get(role) ?? ''));
    expect(response.status).toBe(403);
  });
});
