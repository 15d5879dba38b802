import {
  type CareProviderRequestView,
  type MedicalRecordVersionView,
  type MedicalRecordView,
} from '@werkpad/shared';

import { seedMedicalRecords } from '@werkpad/db';
import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { MedicalCrypto } from './medical-crypto';

/** The demo seed writes what the medical module reads: same ciphertext format and associated data. */
describe('synthetic medical records (demo seed)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('R-MED-04: seeds readable records for the assigned trajectories, and a care provider request only with written consent', async () => {
    const expId = await ctx.createUser('exp1', ['expertise']);
    const otherExpId = await ctx.createUser('exp2', ['expertise']);
    const coachId = await ctx.createUser('coach1', ['coach']);
    const withConsent = await ctx.createClient({ lastName: 'Jansen', bsn: '111222333', coachId });
    const withoutConsent = await ctx.createClient({ lastName: 'Bakker', bsn: '123456782', coachId });
    const other = await ctx.createClient({ lastName: 'Visser', bsn: '999990019', coachId });
    const t1 = await ctx.createTrajectory(withConsent, 'arbeidsdiagnose', { createdBy: coachId });
    const t2 = await ctx.createTrajectory(withoutConsent, 'arbeidsdiagnose', { createdBy: coachId });
    const t3 = await ctx.createTrajectory(other, 'arbeidsdiagnose', { createdBy: coachId });
    for (const [trajectory, user] of [
      [t1, expId],
      [t2, expId],
      [t3, otherExpId],
    ]) {
      await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [trajectory, user]);
    }
    await ctx.owner.query(
      `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, 'gp_data_request', 'Huisartsenpraktijk De Linde', '2026-01-20', 'written', $2, 'Formulier')`,
      [withConsent, coachId],
    );
    // An oral consent for another purpose does not count.
    await ctx.owner.query(
      `INSERT INTO consent (client_id, purpose, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, 'whatsapp', '2026-01-20', 'oral', $2, 'Gesprek')`,
      [withoutConsent, coachId],
    );

    const crypto = new MedicalCrypto(ctx.config.medicalEncryptionKeys);
    const client = await ctx.owner.connect();
    let result;
    try {
      result = await seedMedicalRecords(client, {
        encrypt: (plaintext, aad) => crypto.encrypt(plaintext, aad),
        expertiseUserId: expId,
        today: '2026-11-22',
      });
    } finally {
      client.release();
    }
    expect(result).toEqual({ medicalRecords: 6, versions: 2, careProviderRequests: 1 });

    const token = await ctx.login('exp1');
    const records = await ctx.http
      .get(`/api/expertise/trajectories/${t1}/medical-records`)
      .set(bearer(token));
    expect(records.status).toBe(200);
    const list = records.body as MedicalRecordView[];
    expect(list).toHaveLength(3);
    for (const record of list) expect(record.body).toContain('FICTIEF');
    const edited = list.find((record) => record.version === 2) as MedicalRecordView;
    const history = await ctx.http
      .get(`/api/expertise/medical-records/${edited.id}/versions`)
      .set(bearer(token));
    expect((history.body as MedicalRecordVersionView[]).map((version) => version.version)).toEqual([1]);

    const requests = await ctx.http
      .get(`/api/expertise/trajectories/${t1}/care-provider-requests`)
      .set(bearer(token));
    expect(requests.body).toEqual([
      expect.objectContaining({ provider: 'Huisartsenpraktijk De Linde', requestedOn: '2026-01-20' }),
    ] satisfies Array<Partial<CareProviderRequestView>>);
    const none = await ctx.http
      .get(`/api/expertise/trajectories/${t2}/care-provider-requests`)
      .set(bearer(token));
    expect(none.body).toEqual([]);
    const untouched = await ctx.owner.query('SELECT 1 FROM medical.medical_record WHERE trajectory_id = $1', [
      t3,
    ]);
    expect(untouched.rowCount).toBe(0);
  });
});
