import { type DisclosureDecision, type DisclosureResult } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { missingConsentMessage } from '../consents/consent-check.service';
import { MEDICAL_MESSAGE } from './disclosure-decision';
import { NO_FINAL_OUTCOME_MESSAGE } from './disclosures.service';

/** Disclosures from the Expertisecentrum and of functional capabilities (R-MED-03, R-MED-05, R-MED-07). */
describe('disclosures of the outcome and of functional capabilities', () => {
  let ctx: TestContext;
  let coachId: string;
  let expertiseId: string;
  let coach: string;
  let expertise: string;
  let clientId: string;
  let diagnosis: string;
  let bemiddeling: string;

  const request = (
    trajectoryId: string,
    type: string,
    organisation: string,
    categories: string[],
  ): Record<string, unknown> => ({
    trajectoryId,
    recipient: { type, organisation, country: 'NL' },
    categories,
    channel: 'secure_portal',
    purpose: 'Rapportage arbeidsdiagnose',
  });
  const disclose = (token: string, body: Record<string, unknown>) =>
    ctx.http.post(`/api/clients/${clientId}/disclosures`).set(bearer(token)).send(body);
  const consent = (token: string, purpose: string, recipient: string) =>
    ctx.http.post(`/api/clients/${clientId}/consents`).set(bearer(token)).send({
      purpose,
      recipient,
      givenOn: '2026-02-01',
      form: 'written',
      evidenceReference: 'Getekend toestemmingsformulier',
    });

  beforeAll(async () => {
    ctx = await createTestContext();
    coachId = await ctx.createUser('coach1', ['coach']);
    expertiseId = await ctx.createUser('expertise1', ['expertise']);
    coach = await ctx.login('coach1');
    expertise = await ctx.login('expertise1');
    clientId = await ctx.createClient({ lastName: 'Jansen', firstName: 'Piet', bsn: '111222333', coachId });
    diagnosis = await ctx.createTrajectory(clientId, 'arbeidsdiagnose', { createdBy: coachId });
    bemiddeling = await ctx.createTrajectory(clientId, 'bemiddeling', { createdBy: coachId });
    await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [
      diagnosis,
      expertiseId,
    ]);
    await ctx.owner.query(`UPDATE client SET functional_limitations = 'Niet tillen' WHERE id = $1`, [
      clientId,
    ]);
    // No dossier entry can pose as the outcome: the database refuses one under its category.
    await expect(
      ctx.owner.query(
        `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
         VALUES ($1, $2, 'progress', 'diagnosis_outcome', 'Tussenstand', 'Onderzoek loopt nog', '2026-02-01', $3)`,
        [clientId, diagnosis, coachId],
      ),
    ).rejects.toThrow(/dossier_entry_not_outcome/);
    await ctx.owner.query(
      `INSERT INTO diagnosis_outcome (trajectory_id, client_id, conclusion, advice, created_by)
       VALUES ($1, $2, 'Kan 20 uur per week werken', 'Bemiddeling met jobcoach', $3)`,
      [diagnosis, clientId, expertiseId],
    );
    await ctx.owner.query(
      `INSERT INTO functional_capability (client_id, trajectory_id, can_do, cannot_do, hours_per_week, assessed_on, source, recorded_by)
       VALUES ($1, $2, 'Oud: alles', 'Oud: niets', 40, '2025-06-01', 'bedrijfsarts', $3),
              ($1, $2, 'Licht werk in dagdelen', 'Tillen boven 10 kg', 20, '2026-02-01', 'expertisecentrum', $3)`,
      [clientId, diagnosis, expertiseId],
    );
  });
  afterAll(() => ctx.close());

  it('R-MED-03: the commissioner receives the outcome only; research and medical data are refused', async () => {
    const toCommissioner = (categories: string[]) =>
      request(diagnosis, 'diagnosis_commissioner', 'Gemeente Ede, Werk en Inkomen', categories);
    const medical = await disclose(expertise, toCommissioner(['identity', 'diagnosis_outcome', 'medical']));
    expect(medical.status).toBe(403);
    expect(medical.body.message).toContain(MEDICAL_MESSAGE);

    // A draft never goes out: without a final outcome the outcome category is refused.
    const draft = await disclose(expertise, toCommissioner(['identity', 'diagnosis_outcome']));
    expect(draft.status).toBe(403);
    expect(draft.body.message).toContain(NO_FINAL_OUTCOME_MESSAGE);
    const preview = await ctx.http
      .post(`/api/clients/${clientId}/disclosures/decision`)
      .set(bearer(expertise))
      .send(toCommissioner(['identity', 'diagnosis_outcome']));
    expect(
      (preview.body as DisclosureDecision).categories.find((c) => c.category === 'diagnosis_outcome'),
    ).toMatchObject({
      allowed: false,
      reason: NO_FINAL_OUTCOME_MESSAGE,
    });
    expect((await ctx.owner.query('SELECT count(*)::int AS n FROM disclosure')).rows[0].n).toBe(0);

    await ctx.owner.query(
      `UPDATE diagnosis_outcome SET status = 'final', finalized_by = $2, finalized_at = now() WHERE trajectory_id = $1`,
      [diagnosis, expertiseId],
    );
    const sent = await disclose(expertise, toCommissioner(['identity', 'diagnosis_outcome']));
    expect(sent.status).toBe(201);
    const result = sent.body as DisclosureResult;
    expect(result.disclosure).toMatchObject({
      ruleId: 'opdrachtgever-diagnose',
      legalBasis: expect.any(String),
    });
    expect(result.package.data['diagnosis_outcome']).toEqual({
      fields: {},
      outcome: {
        conclusion: 'Kan 20 uur per week werken',
        advice: 'Bemiddeling met jobcoach',
        finalizedAt: expect.any(String),
      },
    });
    expect(result.disclosure.fields).toContain('outcome');
    expect(JSON.stringify(result.package)).not.toContain('Onderzoek loopt nog');
    expect(result.package.summary).toContain('uitkomst en advies');

    // The coach cannot make this disclosure: the rule names the Expertisecentrum only.
    const byCoach = await disclose(coach, toCommissioner(['identity', 'diagnosis_outcome']));
    expect(byCoach.status).toBe(403);
  });

  it('R-MED-07: health data to a commissioner or doctor only with written consent; the refusal names the consent', async () => {
    const health = request(diagnosis, 'diagnosis_commissioner', 'Gemeente Ede, Werk en Inkomen', [
      'health_functional',
    ]);
    const adviser = request(diagnosis, 'medical_adviser', 'Medisch adviseur gemeente Ede', [
      'identity',
      'diagnosis_outcome',
    ]);
    for (const body of [health, adviser]) {
      const refused = await disclose(expertise, body);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain(missingConsentMessage('health_to_commissioner'));
    }
    expect((await consent(expertise, 'health_to_commissioner', 'Gemeente Ede, Werk en Inkomen')).status).toBe(
      201,
    );
    const allowed = await disclose(expertise, health);
    expect(allowed.status).toBe(201);
    const result = allowed.body as DisclosureResult;
    expect(result.disclosure.consentId).toEqual(expect.any(String));
    expect(result.package.data['health_functional']).toMatchObject({
      fields: { functionalLimitations: 'Niet tillen' },
      functionalCapability: {
        canDo: 'Licht werk in dagdelen',
        cannotDo: 'Tillen boven 10 kg',
        hoursPerWeek: 20,
        adjustments: null,
        assessedOn: '2026-02-01',
        validUntil: null,
        source: 'expertisecentrum',
      },
    });
    // The consent names its recipient: the medical adviser is still refused.
    expect((await disclose(expertise, adviser)).status).toBe(403);
  });

  it('R-MED-05: functional capabilities to the bedrijfsarts; to an employer only with written consent', async () => {
    const toDoctor = await disclose(
      coach,
      request(bemiddeling, 'bedrijfsarts', 'Arbodienst Ede', ['identity', 'health_functional']),
    );
    expect(toDoctor.status).toBe(201);
    const pkg = (toDoctor.body as DisclosureResult).package;
    expect(pkg.data['health_functional']).toMatchObject({
      functionalCapability: { canDo: 'Licht werk in dagdelen', assessedOn: '2026-02-01' },
    });
    // Never the outcome or anything medical to the bedrijfsarts.
    const outcome = await disclose(
      coach,
      request(bemiddeling, 'bedrijfsarts', 'Arbodienst Ede', ['identity', 'diagnosis_outcome']),
    );
    expect(outcome.status).toBe(403);

    const toEmployer = request(bemiddeling, 'employer', 'Groenbedrijf Ede', [
      'identity',
      'health_functional',
    ]);
    const refused = await disclose(coach, toEmployer);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(missingConsentMessage('functional_to_employer'));
    expect((await consent(coach, 'functional_to_employer', 'Groenbedrijf Ede')).status).toBe(201);
    const allowed = await disclose(coach, toEmployer);
    expect(allowed.status).toBe(201);
    expect((allowed.body as DisclosureResult).package.data['health_functional']).toMatchObject({
      functionalCapability: { cannotDo: 'Tillen boven 10 kg' },
    });
  });
});
