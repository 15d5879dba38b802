import { seedExpertise } from '@werkpad/db';
import { type ExpertiseAssignmentRow, type ExpertiseTrajectorySummary } from '@werkpad/shared';
import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

/** db/seeds/synthetic-expertise.ts against the real schema and the real API. */
describe('synthetic Expertisecentrum data', () => {
  let ctx: TestContext;
  let expertiseId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const coachId = await ctx.createUser('coach1', ['coach']);
    expertiseId = await ctx.createUser('expertise1', ['expertise']);
    await ctx.createUser('admin1', ['admin']);
    const bsns = ['111222333', '123456782', '999990019', '999990020', '999990032', '999990044', '999990056'];
    for (const [index, bsn] of bsns.entries()) {
      const clientId = await ctx.createClient({ lastName: `Seed${index}`, bsn, coachId });
      await ctx.createTrajectory(clientId, 'arbeidsdiagnose', {
        createdBy: coachId,
        startDate: `2026-0${index + 1}-05`,
        ...(index === 6 ? { startDate: '2025-01-06', closedOn: '2025-04-30' } : {}),
      });
    }
  });
  afterAll(() => ctx.close());

  it('assigns most open arbeidsdiagnoses and some closed ones, with outcomes, capabilities and written consents', async () => {
    const db = await ctx.owner.connect();
    try {
      const result = await seedExpertise(db, { expertiseUserId: expertiseId, today: '2026-11-22' });
      expect(result).toMatchObject({ assigned: 5, outcomes: 3 });
      expect(result.functionalCapabilities).toBeGreaterThan(0);
      expect(result.consents).toBeGreaterThan(0);
      // A second run finds nothing new to assign and leaves the two unassigned ones alone.
      expect((await seedExpertise(db, { expertiseUserId: expertiseId, today: '2026-11-22' })).assigned).toBe(
        0,
      );
    } finally {
      db.release();
    }

    const expertise = await ctx.login('expertise1');
    const workspace = (await ctx.http.get('/api/expertise/trajectories').set(bearer(expertise)))
      .body as ExpertiseTrajectorySummary[];
    expect(workspace.map((row) => [row.clientName, row.outcomeStatus])).toEqual([
      ['Test Seed3', null],
      ['Test Seed2', 'final'],
      ['Test Seed1', 'draft'],
      ['Test Seed0', null],
      ['Test Seed6', 'final'],
    ]);
    expect(workspace[4].medicalDestructionDate).toBe('2040-04-30');
    const admin = await ctx.login('admin1');
    const rows = (await ctx.http.get('/api/expertise/assignments').set(bearer(admin)))
      .body as ExpertiseAssignmentRow[];
    expect(rows.filter((row) => row.expertiseUserId === null).map((row) => row.clientName)).toEqual([
      'Test Seed4',
      'Test Seed5',
    ]);

    const sent = await ctx.owner.query(
      `SELECT count(*)::int AS n FROM diagnosis_outcome WHERE sent_to_client_on IS NOT NULL`,
    );
    expect(sent.rows[0].n).toBe(2);
    const consents = await ctx.owner.query<{
      purpose: string;
      form: string;
      recorded_by: string;
      evidence: boolean;
    }>(
      `SELECT purpose, form, recorded_by, evidence_reference IS NOT NULL AS evidence, recipient FROM consent`,
    );
    for (const consent of consents.rows) {
      expect(consent).toMatchObject({ form: 'written', recorded_by: expertiseId, evidence: true });
    }
    expect(consents.rows.map((consent) => consent.purpose)).toEqual(
      expect.arrayContaining(['expertise_research', 'gp_data_request', 'health_to_commissioner']),
    );
    const gp = consents.rows.find((consent) => consent.purpose === 'gp_data_request') as {
      recipient?: string;
    };
    expect(gp.recipient).toMatch(/^Huisartsenpraktijk /);
  });
});
