import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { AuditService } from '../../audit/audit.service';

/**
 * R-AUD-01 across two connections: a medical write commits on the medical connection only after
 * its audit row is committed on the main one, so no medical change is ever left unlogged.
 */
describe('medical writes and their audit row (R-AUD-01, R-MED-06)', () => {
  let ctx: TestContext;
  let token: string;
  let trajectoryId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const expertise = await ctx.createUser('exp_link', ['expertise']);
    const coach = await ctx.createUser('coach_link', ['coach']);
    const clientId = await ctx.createClient({ lastName: 'Koppeling', bsn: '111222333', coachId: coach });
    trajectoryId = await ctx.createTrajectory(clientId, 'arbeidsdiagnose', { createdBy: coach });
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $1 WHERE id = $2', [
      expertise,
      trajectoryId,
    ]);
    token = await ctx.login('exp_link');
  });

  afterAll(() => ctx.close());

  const create = () =>
    ctx.http
      .post(`/api/expertise/trajectories/${trajectoryId}/medical-records`)
      .set(bearer(token))
      .send({ kind: 'research_note', recordedOn: '2026-02-10', title: 'Notitie', body: 'Tekst' });

  const countRecords = async (): Promise<number> =>
    Number(
      (await ctx.owner.query<{ n: string }>('SELECT count(*) AS n FROM medical.medical_record')).rows[0].n,
    );

  it('R-AUD-01: a medical record whose audit row cannot be written is not stored', async () => {
    const audit = ctx.app.get(AuditService);
    const append = audit.append.bind(audit);
    // Fault injection on the real service: only the 'allowed' row of the write fails.
    const spy = jest.spyOn(audit, 'append').mockImplementation(async (event, manager) => {
      if (event.result === 'allowed' && event.action === 'create') throw new Error('audit log unavailable');
      return append(event, manager);
    });
    try {
      const response = await create();
      expect(response.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await countRecords()).toBe(0);
  });

  it('R-AUD-01: with the audit row written, the medical record is stored and logged', async () => {
    const response = await create();
    expect(response.status).toBe(201);
    // Who wrote it is part of the record.
    expect((response.body as { createdByName: string }).createdByName).toBe('Test exp_link');
    expect(await countRecords()).toBe(1);
    const rows = await ctx.owner.query(
      `SELECT 1 FROM audit_event WHERE object_type = 'MedicalRecord' AND action = 'create' AND result = 'allowed'`,
    );
    expect(rows.rowCount).toBe(1);
  });
});
